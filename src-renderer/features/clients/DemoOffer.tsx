import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/pultClient';
import { problemText } from '../../common/problems';

/** Offered on an empty base, never loaded without the operator's click. */
export function DemoOffer({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const load = () => {
    setLoading(true);
    invoke('workspace.loadDemo')
      .then(onDone)
      .catch((e: unknown) => setFailure(problemText(e)))
      .finally(() => setLoading(false));
  };
  return (
    <Paper withBorder p="lg" radius="sm" data-testid="demo-offer">
      <Title order={2} size="h4" mb="xs">
        {t('clients.demo.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('clients.demo.text')}
      </Text>
      <Group>
        <Button onClick={load} loading={loading} data-testid="demo-load">
          {t('clients.demo.load')}
        </Button>
        <Button
          variant="default"
          disabled={loading}
          onClick={() => void invoke('workspace.dismissDemo').then(onDone)}
          data-testid="demo-dismiss"
        >
          {t('clients.demo.dismiss')}
        </Button>
      </Group>
      {failure !== undefined && (
        <Text c="red" size="sm" mt="sm" role="alert">
          {failure}
        </Text>
      )}
    </Paper>
  );
}
