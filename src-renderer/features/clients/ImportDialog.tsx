import {
  Alert,
  Button,
  Group,
  Modal,
  Progress,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  importFields,
  missingImportColumns,
  type ImportField,
} from '../../../src-shared/clients/columnMapping';
import { doubtfulNames } from '../../../src-shared/clients/nameColumnCheck';
import type {
  DuplicatePolicy,
  ImportFileProblem,
  ImportProgress,
  ImportRowError,
} from '../../../src-shared/clients/importSchemas';
import type { ImportPreview } from './useImportFile';
import { invoke, onEvent } from '../../api/pultClient';
import { problemText, reportProblem } from '../../common/problems';

export function ImportDialog({
  preview,
  onClose,
}: {
  preview: ImportPreview;
  onClose: (imported: boolean) => void;
}) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<(ImportField | null)[]>(preview.suggestedMapping);
  const [encoding, setEncoding] = useState(preview.encoding);
  const [delimiter, setDelimiter] = useState(preview.delimiter);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const [listTag, setListTag] = useState('');
  const [jobId, setJobId] = useState<number | undefined>();
  const [progress, setProgress] = useState<ImportProgress | undefined>();
  const [errors, setErrors] = useState<ImportRowError[]>([]);
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(
    () =>
      onEvent('import.progress', (p) => {
        if (jobId === undefined || p.jobId === jobId) setProgress(p);
      }),
    [jobId],
  );
  const finished = progress !== undefined && progress.status !== 'running';
  useEffect(() => {
    if (finished && jobId !== undefined) {
      invoke('import.errors', { jobId }).then(
        (r) => setErrors(r.errors),
        (e: unknown) => reportProblem('load', e),
      );
    }
  }, [finished, jobId]);

  const start = () => {
    setFailure(undefined);
    invoke('import.start', {
      token: preview.token,
      settings: {
        format: preview.format,
        encoding,
        delimiter,
        mapping,
        duplicates,
        ...(listTag.trim() === '' ? {} : { listTag: listTag.trim() }),
      },
    }).then(
      (r) => setJobId(r.jobId),
      (e: unknown) => setFailure(problemText(e)),
    );
  };
  // What stops an import before it starts is said where Start is, not found out row by row.
  const missing = missingImportColumns(mapping);
  // A job title or an e-mail column mapped as the name: said before thousands of such "clients" come in.
  const doubted = mapping.flatMap((field, index) => {
    if (field !== 'fullName') return [];
    const examples = doubtfulNames(preview.sampleRows.map((row) => row[index] ?? ''));
    return examples.length === 0 ? [] : [{ column: preview.headers[index] ?? '', examples }];
  });
  const fileProblemText = (problem: ImportFileProblem) =>
    t(`clients.import.fileProblems.${problem.problem}`, { line: problem.line });
  const fieldOptions = [
    { value: '', label: t('clients.import.ignore') },
    ...importFields.map((f) => ({ value: f, label: t(`clients.import.fields.${f}`) })),
  ];

  return (
    <Modal
      opened
      onClose={() => onClose(finished)}
      title={t('clients.import.title')}
      size="xl"
      closeOnClickOutside={false}
    >
      <Stack gap="sm" data-testid="import-dialog">
        <Text size="sm">{t('clients.import.file', { name: preview.fileName })}</Text>
        {jobId === undefined ? (
          <>
            {preview.format === 'csv' && (
              <Group grow>
                <Select
                  label={t('clients.import.encoding')}
                  value={encoding}
                  allowDeselect={false}
                  onChange={(v) => v !== null && setEncoding(v)}
                  data={(['utf8', 'utf16le', 'windows1251'] as const).map((v) => ({
                    value: v,
                    label: t(`clients.import.encodings.${v}`),
                  }))}
                />
                <Select
                  label={t('clients.import.delimiter')}
                  value={delimiter}
                  allowDeselect={false}
                  onChange={(v) => v !== null && setDelimiter(v)}
                  data={([';', ',', '\t'] as const).map((v) => ({
                    value: v,
                    label: t(`clients.import.delimiters.${v}`),
                  }))}
                />
              </Group>
            )}
            <ScrollArea h={260}>
              <Table striped withTableBorder fz="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clients.import.column')}</Table.Th>
                    <Table.Th>{t('clients.import.field')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.headers.map((header, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>{header}</Table.Td>
                      <Table.Td>
                        <Select
                          size="xs"
                          value={mapping[index] ?? ''}
                          data={fieldOptions}
                          allowDeselect={false}
                          aria-label={header}
                          onChange={(v) =>
                            setMapping(
                              mapping.map((m, i) =>
                                i === index ? ((v === '' ? null : v) as ImportField | null) : m,
                              ),
                            )
                          }
                        />
                      </Table.Td>
                      <Table.Td c="dimmed">
                        {preview.sampleRows
                          .slice(0, 3)
                          .map((r) => r[index] ?? '')
                          .join(' | ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            <div>
              <Text size="sm" mb={4}>
                {t('clients.import.duplicates')}
              </Text>
              <SegmentedControl
                value={duplicates}
                onChange={(v) => setDuplicates(v)}
                data={(['skip', 'merge', 'create'] as const).map((v) => ({
                  value: v,
                  label: t(`clients.import.duplicatePolicies.${v}`),
                }))}
              />
            </div>
            <TextInput
              label={t('clients.import.listTag')}
              description={t('clients.import.listTagHint')}
              value={listTag}
              maxLength={50}
              onChange={(e) => setListTag(e.currentTarget.value)}
              data-testid="import-list-tag"
            />
            {preview.problem !== undefined && (
              <Alert color="red" data-testid="import-file-problem">
                {fileProblemText(preview.problem)}
              </Alert>
            )}
            {preview.problem === undefined && missing.length > 0 && (
              <Alert color="yellow" data-testid="import-missing-columns">
                {t('clients.import.missingColumns', {
                  columns: missing.map((c) => t(`clients.import.requiredColumns.${c}`)).join(', '),
                })}
              </Alert>
            )}
            {doubted.map(({ column, examples }) => (
              <Alert key={column} color="yellow" data-testid="import-doubtful-names">
                {t('clients.import.doubtfulNames', { column, examples: examples.join(', ') })}
              </Alert>
            ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => onClose(false)}>
                {t('clients.actions.cancel')}
              </Button>
              <Button
                onClick={start}
                disabled={preview.problem !== undefined || missing.length > 0}
                data-testid="import-start"
              >
                {t('clients.import.start')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text fw={500} data-testid="import-status">
              {t(`clients.import.status.${progress?.status ?? 'running'}`)}
            </Text>
            <Progress value={(progress?.fraction ?? 0) * 100} animated={!finished} />
            {progress?.fileProblem !== undefined && (
              <Alert color="red" data-testid="import-file-problem">
                {fileProblemText(progress.fileProblem)}
              </Alert>
            )}
            <Text size="sm" data-testid="import-result">
              {progress === undefined
                ? t('clients.import.progress', { read: 0 })
                : t('clients.import.result', {
                    imported: progress.rowsImported,
                    merged: progress.rowsMerged,
                    skipped: progress.rowsSkipped,
                    failed: progress.rowsFailed,
                  })}
            </Text>
            {finished && errors.length > 0 && (
              <>
                <Text fw={500}>{t('clients.import.errorsTitle')}</Text>
                <ScrollArea h={220}>
                  <Table striped withTableBorder fz="xs" data-testid="import-errors">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('clients.import.line')}</Table.Th>
                        <Table.Th>{t('clients.import.column')}</Table.Th>
                        <Table.Th>{t('clients.import.reason')}</Table.Th>
                        <Table.Th>{t('clients.import.value')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {errors.map((e, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{e.line}</Table.Td>
                          <Table.Td>{e.column ?? ''}</Table.Td>
                          <Table.Td>{t(`clients.import.reasons.${e.reason}`)}</Table.Td>
                          <Table.Td>{e.detail.slice(0, 80)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea>
              </>
            )}
            <Group justify="flex-end">
              {!finished && (
                <Button
                  variant="default"
                  onClick={() => {
                    invoke('import.cancel', { jobId }).catch((e: unknown) =>
                      reportProblem('save', e),
                    );
                  }}
                >
                  {t('clients.import.cancel')}
                </Button>
              )}
              {finished && errors.length > 0 && (
                <Button
                  variant="default"
                  onClick={() => {
                    invoke('import.saveReport', { jobId }).catch((e: unknown) =>
                      reportProblem('save', e),
                    );
                  }}
                >
                  {t('clients.import.saveReport')}
                </Button>
              )}
              {finished && (
                <Button onClick={() => onClose(true)}>{t('clients.import.close')}</Button>
              )}
            </Group>
          </>
        )}
        {failure !== undefined && (
          <Text c="red" size="sm" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
