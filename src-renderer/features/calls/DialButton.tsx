import { Button, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/pultClient';
import { problemText } from '../../common/problems';

/**
 * Calls a number shown anywhere in the UI; says plainly why when it cannot. A
 * masked number on a card is called by its place there (`onCard`): main dials
 * what the base holds.
 */
export function DialButton({
  number,
  onCard,
  blocked,
}: {
  number: string;
  onCard?: { clientId: number; phone: number } | undefined;
  blocked?: string | undefined;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | undefined>();
  const reason = blocked ?? problem;
  return (
    <Tooltip label={reason ?? ''} disabled={reason === undefined} withinPortal>
      <Button
        size="compact-xs"
        variant="light"
        color="teal"
        disabled={blocked !== undefined}
        onClick={() => {
          setProblem(undefined);
          invoke('calls.dial', onCard ?? { number }).then(
            (r) => !r.ok && setProblem(t(`calls.dial.errors.${r.error}`)),
            (e: unknown) => setProblem(problemText(e)),
          );
        }}
        data-testid="dial-button"
        aria-label={t('calls.dial.callNumber', { number })}
      >
        {t('calls.dial.call')}
      </Button>
    </Tooltip>
  );
}
