import { Button, Group, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/pultClient';
import { problemText } from '../../common/problems';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** Outbound calls: a number typed or clicked on the pad, dialled by the PBX's rules. */
export function DialPad() {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const dial = () => {
    setProblem(undefined);
    invoke('calls.dial', { number }).then(
      (result) => {
        if (result.ok) setNumber('');
        else setProblem(t(`calls.dial.errors.${result.error}`));
      },
      (error: unknown) => setProblem(problemText(error)),
    );
  };
  return (
    <Paper withBorder p="md" radius="sm" maw={320} data-testid="dial-pad">
      <Title order={2} size="h5" mb="sm">
        {t('calls.dial.title')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (number.trim() !== '') dial();
        }}
      >
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('calls.dial.number')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value.slice(0, 40))}
            style={{ flex: 1 }}
            data-testid="dial-number"
          />
          <Button
            type="submit"
            color="teal"
            disabled={number.trim() === ''}
            data-testid="dial-call"
          >
            {t('calls.dial.call')}
          </Button>
        </Group>
      </form>
      <SimpleGrid cols={3} spacing={4} mt="xs">
        {keys.map((key) => (
          <Button key={key} variant="default" size="xs" onClick={() => setNumber((n) => n + key)}>
            {key}
          </Button>
        ))}
      </SimpleGrid>
      {problem !== undefined && (
        <Text size="sm" c="red" mt="xs" data-testid="dial-problem">
          {problem}
        </Text>
      )}
    </Paper>
  );
}
