import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf } from '../../../src-main/ipc/contract';
import { invoke, onEvent } from '../../api/pultClient';
import { problemText } from '../../common/problems';

/**
 * The export of the listed clients: it runs on a worker in main, so the
 * operator sees how far it got, may cancel it, and reads how it ended.
 */
export function useClientExport() {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [rows, setRows] = useState(0);
  const [outcome, setOutcome] = useState<string | undefined>();

  useEffect(() => onEvent('clients.exportProgress', (p) => setRows(p.rows)), []);

  const start = (query: RequestOf<'clients.export'>['query'], format: 'csv' | 'xlsx') => {
    setOutcome(undefined);
    setRows(0);
    setRunning(true);
    invoke('clients.export', { query, format })
      .then(
        (r) =>
          setOutcome(
            r.cancelled === true
              ? t('clients.exportCancelled')
              : r.saved
                ? t('clients.exported', { count: r.rows })
                : undefined,
          ),
        (e: unknown) => setOutcome(t('clients.exportFailed', { message: problemText(e) })),
      )
      .finally(() => setRunning(false));
  };
  const cancel = () => {
    invoke('clients.cancelExport').catch((e: unknown) =>
      setOutcome(t('clients.exportFailed', { message: problemText(e) })),
    );
  };
  const status = running ? t('clients.exporting', { count: rows }) : outcome;
  return { running, status, start, cancel };
}
