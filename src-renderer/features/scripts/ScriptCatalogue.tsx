import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import type { ScriptEditorView } from '../../../src-shared/scripts/scriptEditorView';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

type Listing = ResponseOf<'scripts.list'>[number];
type ImportRefusal = Extract<ResponseOf<'scripts.editor.import'>, { imported: false }>;

/** The center's scripts, to open in the editor; a new one, or one from a file. */
export function ScriptCatalogue({ onOpen }: { onOpen: (view: ScriptEditorView) => void }) {
  const { t } = useTranslation();
  const [scripts, setScripts] = useState<Listing[]>([]);
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState<ImportRefusal | null>(null);
  useEffect(() => {
    invoke('scripts.list').then(setScripts, (e: unknown) => reportProblem('load', e));
  }, []);
  const open = (scriptId: number) =>
    invoke('scripts.editor.open', { scriptId }).then(onOpen, (e: unknown) =>
      reportProblem('load', e),
    );
  return (
    <Paper withBorder p="sm" data-testid="script-catalogue">
      <Title order={2} size="h5" mb="xs">
        {t('scripts.page.catalogue')}
      </Title>
      <Stack gap={6}>
        {scripts.map((script) => (
          <Group
            key={script.scriptId}
            justify="space-between"
            wrap="nowrap"
            data-testid="script-listing"
          >
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {script.name}
              </Text>
              <Group gap={4}>
                {script.liveVersion !== null && (
                  <Badge size="xs" color="teal" variant="light">
                    {t('scripts.page.live', { version: script.liveVersion })}
                  </Badge>
                )}
                {script.latestStatus === 'draft' && (
                  <Badge size="xs" color="gray" variant="light">
                    {t('scripts.page.draft', { version: script.latestVersion })}
                  </Badge>
                )}
              </Group>
            </div>
            <Button
              size="xs"
              variant="default"
              onClick={() => void open(script.scriptId)}
              data-testid="script-edit"
            >
              {t('scripts.page.open')}
            </Button>
          </Group>
        ))}
        <Group gap="xs" align="flex-end" mt="xs">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            label={t('scripts.page.newName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="script-new-name"
          />
          <Button
            size="xs"
            disabled={name.trim() === ''}
            onClick={() =>
              void invoke('scripts.editor.create', { name: name.trim() }).then(
                onOpen,
                (e: unknown) => reportProblem('save', e),
              )
            }
            data-testid="script-new"
          >
            {t('scripts.page.new')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              void invoke('scripts.editor.import').then(
                (result) => {
                  if (result.imported) onOpen(result.view);
                  else if (!result.cancelled) setRefusal(result);
                },
                (e: unknown) => reportProblem('load', e),
              )
            }
            data-testid="script-import"
          >
            {t('scripts.page.import')}
          </Button>
        </Group>
        {refusal !== null && (
          <Text size="sm" c="red" role="alert" data-testid="script-import-refused">
            {t('scripts.page.importRefused', {
              line: refusal.line ?? 1,
              field: refusal.field === undefined || refusal.field === '' ? '—' : refusal.field,
              problem: refusal.problem ?? '',
            })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
