import { Button, Group, Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import type { ScriptRunView } from '../../../src-shared/scripts/scriptRunView';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

type Listing = ResponseOf<'scripts.list'>[number];

/** The published scripts, for the operator to start one (for a call, a client, or on its own). */
export function ScriptPicker({
  interactionId,
  clientId,
  onRun,
}: {
  interactionId?: number | undefined;
  clientId?: number | undefined;
  onRun: (run: ScriptRunView) => void;
}) {
  const { t } = useTranslation();
  const [scripts, setScripts] = useState<Listing[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    invoke('scripts.list').then(
      (list) => setScripts(list.filter((s) => s.liveVersion !== null)),
      (e: unknown) => reportProblem('load', e),
    );
  }, []);
  const start = () => {
    const scriptId = Number(chosen);
    if (!Number.isInteger(scriptId) || scriptId <= 0) return;
    invoke('scripts.start', {
      scriptId,
      ...(interactionId === undefined ? {} : { interactionId }),
      ...(clientId === undefined ? {} : { clientId }),
    }).then(onRun, (e: unknown) => reportProblem('script', e));
  };
  return (
    <Group align="flex-end" gap="xs" data-testid="script-picker">
      <Select
        label={t('scripts.pick.label')}
        placeholder={t('scripts.pick.placeholder')}
        data={scripts.map((s) => ({ value: String(s.scriptId), label: s.name }))}
        value={chosen}
        onChange={setChosen}
        // Picked again to start another run, a script stays chosen.
        allowDeselect={false}
        searchable
        style={{ flex: 1 }}
        nothingFoundMessage={t('scripts.pick.none')}
        data-testid="script-pick"
      />
      <Button onClick={start} disabled={chosen === null} data-testid="script-start">
        {t('scripts.pick.start')}
      </Button>
    </Group>
  );
}
