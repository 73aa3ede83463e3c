import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revealReasons, type RevealedDetails } from '../../../src-shared/clients/personalData';
import { invoke } from '../../api/pultClient';
import { problemText } from '../../common/problems';

type Reason = (typeof revealReasons)[number];

/**
 * "Show" on a masked card: the operator says why (from the center's list, or
 * in words), main writes it to the audit and sends the details in full.
 */
export function RevealDialog({
  clientId,
  onRevealed,
  onClose,
}: {
  clientId: number;
  onRevealed: (details: RevealedDetails) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const ready = reason !== null && (reason !== 'other' || note.trim() !== '');
  const reveal = () => {
    if (reason === null) return;
    setProblem(undefined);
    invoke('clients.reveal', { id: clientId, reason, note }).then(onRevealed, (e: unknown) =>
      setProblem(problemText(e)),
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('clients.reveal.title')} size="md">
      <Stack gap="sm" data-testid="reveal-dialog">
        <Text size="sm">{t('clients.reveal.explain')}</Text>
        <Select
          label={t('clients.reveal.reason')}
          data={revealReasons.map((r) => ({ value: r, label: t(`clients.reveal.reasons.${r}`) }))}
          value={reason}
          onChange={(value) => setReason(revealReasons.find((r) => r === value) ?? null)}
          allowDeselect={false}
          data-testid="reveal-reason"
        />
        <Textarea
          label={t('clients.reveal.note')}
          description={reason === 'other' ? t('clients.reveal.noteRequired') : undefined}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={200}
          data-testid="reveal-note"
        />
        {problem !== undefined && (
          <Text c="red" size="sm" role="alert">
            {problem}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('clients.reveal.cancel')}
          </Button>
          <Button disabled={!ready} onClick={reveal} data-testid="reveal-confirm">
            {t('clients.reveal.show')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
