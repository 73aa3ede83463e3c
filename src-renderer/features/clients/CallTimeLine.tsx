import { Button, Group, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockRangeSchema, type CallTimeView } from '../../../src-shared/campaigns/clientCallRules';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

/**
 * The hours the client asked to be called in ("only after six"), on the
 * card; every call list keeps to them from its next dial.
 */
export function CallTimeLine({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const [hours, setHours] = useState<CallTimeView>();
  const [editing, setEditing] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  useEffect(() => {
    invoke('campaigns.callTime.view', { clientId }).then(setHours, (e: unknown) =>
      reportProblem('load', e),
    );
  }, [clientId]);
  const save = (next: CallTimeView) =>
    invoke('campaigns.callTime.set', { clientId, hours: next }).then(
      (saved) => {
        setHours(saved);
        setEditing(false);
      },
      (e: unknown) => reportProblem('save', e),
    );
  if (hours === undefined) return null;
  const valid = clockRangeSchema.safeParse({ from, to }).success;
  return (
    <Group gap="xs" data-testid="client-call-time">
      {editing ? (
        <>
          <TextInput
            type="time"
            size="xs"
            aria-label={t('clients.callTime.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            data-testid="client-call-time-from"
          />
          <TextInput
            type="time"
            size="xs"
            aria-label={t('clients.callTime.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            data-testid="client-call-time-to"
          />
          <Button
            size="compact-xs"
            disabled={!valid}
            onClick={() => void save({ from, to })}
            data-testid="client-call-time-save"
          >
            {t('clients.callTime.save')}
          </Button>
        </>
      ) : (
        <>
          <Text size="sm">
            {hours === null
              ? t('clients.callTime.any')
              : t('clients.callTime.only', { from: hours.from, to: hours.to })}
          </Text>
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => {
              setFrom(hours?.from ?? '');
              setTo(hours?.to ?? '');
              setEditing(true);
            }}
            data-testid="client-call-time-edit"
          >
            {t('clients.callTime.edit')}
          </Button>
          {hours !== null && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => void save(null)}
              data-testid="client-call-time-clear"
            >
              {t('clients.callTime.clear')}
            </Button>
          )}
        </>
      )}
    </Group>
  );
}
