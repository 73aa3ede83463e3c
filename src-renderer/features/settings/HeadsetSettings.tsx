import { Button, Group, Select } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import type { SettingsPatch } from '../../../src-shared/settings/userSettingsSchema';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

/** Which USB headset drives the calls, when more than one is plugged in. */
export function HeadsetSettings({
  headset,
  locked,
  save,
}: {
  headset: string;
  locked: boolean;
  save: (patch: SettingsPatch) => void;
}) {
  const { t } = useTranslation();
  const [found, setFound] = useState<ResponseOf<'headset.list'>>([]);
  const refresh = useCallback(() => {
    invoke('headset.list').then(setFound, (e: unknown) => reportProblem('load', e));
  }, []);
  useEffect(refresh, [refresh]);
  const options = [
    { value: '', label: t('headset.firstFound') },
    ...found.map((h) => ({ value: h.id, label: h.product })),
  ];
  // A chosen headset that is not plugged in now stays selectable, so the choice is not lost.
  if (headset !== '' && !found.some((h) => h.id === headset))
    options.push({ value: headset, label: t('headset.notPlugged', { id: headset }) });
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={t('headset.title')}
        description={found.length === 0 ? t('headset.none') : undefined}
        data={options}
        value={headset}
        onChange={(v) => save({ headset: v ?? '' })}
        disabled={locked}
        allowDeselect={false}
        style={{ flex: 1 }}
        data-testid="setting-headset"
      />
      <Button variant="default" onClick={refresh} data-testid="headset-refresh">
        {t('headset.refresh')}
      </Button>
    </Group>
  );
}
