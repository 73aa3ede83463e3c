import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  diffScripts,
  isEmptyDiff,
  type ScriptDiff,
} from '../../../../src-shared/scripts/scriptDiff';
import type { ScriptGraph } from '../../../../src-shared/scripts/scriptGraph';
import type { ScriptEditorView } from '../../../../src-shared/scripts/scriptEditorView';
import { invoke } from '../../../api/pultClient';
import { formatDateTime } from '../../../common/formatting';
import { reportProblem } from '../../../common/problems';

/** The script's versions, and what changed in one against the version before it. */
export function ScriptVersions({
  view,
  onExport,
}: {
  view: ScriptEditorView;
  onExport: (versionId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [diff, setDiff] = useState<{ version: number; diff: ScriptDiff } | null>(null);
  const compare = (index: number) => {
    const after = view.versions[index];
    const before = view.versions[index - 1];
    if (after === undefined || before === undefined) return;
    const graphOf = (versionId: number) =>
      invoke('scripts.editor.version', { versionId }).then((v): ScriptGraph => v.graph);
    Promise.all([graphOf(before.versionId), graphOf(after.versionId)]).then(
      ([a, b]) => setDiff({ version: after.version, diff: diffScripts(a, b) }),
      (e: unknown) => reportProblem('load', e),
    );
  };
  return (
    <Stack gap={6} data-testid="editor-versions">
      {view.versions.map((version, index) => (
        <Group
          key={version.versionId}
          gap="xs"
          justify="space-between"
          data-testid="editor-version"
        >
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t('scripts.run.version', { version: version.version })}
            </Text>
            <Badge
              size="sm"
              variant="light"
              color={version.status === 'published' ? 'teal' : 'gray'}
            >
              {version.status === 'published'
                ? t('scripts.editor.published', {
                    at: formatDateTime(version.publishedAt ?? version.createdAt, i18n.language),
                  })
                : version.publishAt !== null
                  ? t('scripts.editor.scheduled', {
                      at: formatDateTime(version.publishAt, i18n.language),
                    })
                  : t('scripts.editor.draft')}
            </Badge>
          </Group>
          <Group gap={4}>
            {index > 0 && (
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => compare(index)}
                data-testid="editor-compare"
              >
                {t('scripts.editor.compare')}
              </Button>
            )}
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => onExport(version.versionId)}
              data-testid="editor-export"
            >
              {t('scripts.editor.export')}
            </Button>
          </Group>
        </Group>
      ))}
      {diff !== null && (
        <Stack gap={2} data-testid="editor-diff">
          <Text size="sm" fw={600}>
            {t('scripts.editor.diffTitle', { version: diff.version })}
          </Text>
          {isEmptyDiff(diff.diff) ? (
            <Text size="sm">{t('scripts.editor.diffNone')}</Text>
          ) : (
            <List size="sm">
              {diff.diff.nameChanged && <List.Item>{t('scripts.editor.diffName')}</List.Item>}
              {diff.diff.startChanged && <List.Item>{t('scripts.editor.diffStart')}</List.Item>}
              {diff.diff.added.map((id) => (
                <List.Item key={`+${id}`}>{t('scripts.editor.diffAdded', { id })}</List.Item>
              ))}
              {diff.diff.removed.map((id) => (
                <List.Item key={`-${id}`}>{t('scripts.editor.diffRemoved', { id })}</List.Item>
              ))}
              {diff.diff.changed.map((c) => (
                <List.Item key={`~${c.nodeId}`}>
                  {t('scripts.editor.diffChanged', { id: c.nodeId, fields: c.fields.join(', ') })}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </Stack>
  );
}
