import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dispositions } from '../../../../src-shared/calls/wrapUpSchema';
import {
  scriptClientFields,
  scriptInputTypes,
  type ScriptGraph,
  type ScriptNode,
} from '../../../../src-shared/scripts/scriptGraph';
import type { ScriptEditorView } from '../../../../src-shared/scripts/scriptEditorView';
import { withField } from '../../../../src-shared/scripts/scriptEdits';
import { labelledExits } from './exitLabels';

type Props = {
  node: ScriptNode;
  graph: ScriptGraph;
  view: ScriptEditorView;
  readOnly: boolean;
  /** Schema problems of this node's fields, by field name. */
  fieldErrors: Record<string, string>;
  onChange: (node: ScriptNode) => void;
  onExit: (via: string, to: string | undefined) => void;
  onMakeStart: () => void;
  onRemove: () => void;
};

/** The selected node's fields, checked as they are typed; where each way on leads. */
export function NodeForm(props: Props) {
  const { t } = useTranslation();
  const { node, graph, readOnly, onChange, fieldErrors } = props;
  const targets = graph.nodes
    .filter((n) => n.id !== node.id)
    .map((n) => ({ value: n.id, label: `${n.id} · ${t(`scripts.editor.types.${n.type}`)}` }));
  const error = (field: string) => fieldErrors[field];
  const text =
    'text' in node ? (
      <Textarea
        label={t('scripts.editor.fields.text')}
        description={t('scripts.editor.fields.textHint', {
          examples: '{{client.firstName}}, {{client.address}}, {{agent.name}}, {{answers.…}}',
        })}
        autosize
        minRows={3}
        value={node.text}
        readOnly={readOnly}
        error={error('text')}
        onChange={(e) => onChange({ ...node, text: e.currentTarget.value })}
        data-testid="editor-field-text"
      />
    ) : null;
  const variable =
    'variable' in node ? (
      <TextInput
        label={t('scripts.editor.fields.variable')}
        value={node.variable}
        readOnly={readOnly}
        error={error('variable')}
        onChange={(e) => onChange({ ...node, variable: e.currentTarget.value })}
        data-testid="editor-field-variable"
      />
    ) : null;
  return (
    <Stack gap="xs" data-testid="editor-node-form" data-node-id={node.id}>
      <Group justify="space-between">
        <Title order={3} size="h6">
          {t(`scripts.editor.types.${node.type}`)} · {node.id}
        </Title>
        {!readOnly && (
          <Group gap={4}>
            {graph.start !== node.id && (
              <Button size="compact-xs" variant="default" onClick={props.onMakeStart}>
                {t('scripts.editor.makeStart')}
              </Button>
            )}
            {graph.start !== node.id && (
              <Button
                size="compact-xs"
                color="red"
                variant="light"
                onClick={props.onRemove}
                data-testid="editor-remove"
              >
                {t('scripts.editor.remove')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {text}
      {variable}
      <TypeFields {...props} />
      {labelledExits(node, t).map((exit) => (
        <Select
          key={exit.via}
          label={t('scripts.editor.leadsTo', { way: exit.label })}
          placeholder={t('scripts.editor.nowhere')}
          data={targets}
          value={exit.to ?? null}
          onChange={(to) => props.onExit(exit.via, to ?? undefined)}
          clearable
          searchable
          readOnly={readOnly}
          data-testid={`editor-exit-${exit.via}`}
        />
      ))}
    </Stack>
  );
}

function TypeFields({ node, view, readOnly, onChange, fieldErrors }: Props) {
  const { t } = useTranslation();
  switch (node.type) {
    case 'question':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('scripts.editor.fields.choices')}
          </Text>
          {node.choices.map((choice, index) => (
            <Group key={choice.id} gap={4} wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                value={choice.label}
                readOnly={readOnly}
                aria-label={t('scripts.editor.fields.choice', { n: index + 1 })}
                error={fieldErrors[`choices.${index}.label`]}
                onChange={(e) =>
                  onChange({
                    ...node,
                    choices: node.choices.map((c) =>
                      c.id === choice.id ? { ...c, label: e.currentTarget.value } : c,
                    ),
                  })
                }
                data-testid={`editor-choice-${index + 1}`}
              />
              {!readOnly && node.choices.length > 1 && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    onChange({ ...node, choices: node.choices.filter((c) => c.id !== choice.id) })
                  }
                >
                  ×
                </Button>
              )}
            </Group>
          ))}
          {!readOnly && node.choices.length < 20 && (
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => {
                const taken = new Set(node.choices.map((c) => c.id));
                let n = node.choices.length + 1;
                while (taken.has(`c${n}`)) n++;
                onChange({ ...node, choices: [...node.choices, { id: `c${n}`, label: '' }] });
              }}
              data-testid="editor-add-choice"
            >
              {t('scripts.editor.addChoice')}
            </Button>
          )}
        </Stack>
      );
    case 'input':
      return (
        <Stack gap={4}>
          <Select
            label={t('scripts.editor.fields.inputType')}
            placeholder={t('scripts.editor.fields.inputTypeMissing')}
            data={scriptInputTypes.map((type) => ({
              value: type,
              label: t(`scripts.input.hint.${type}`),
            }))}
            value={node.inputType ?? null}
            readOnly={readOnly}
            onChange={(value) => {
              onChange(
                withField(
                  node,
                  'inputType',
                  scriptInputTypes.find((type) => type === value),
                ),
              );
            }}
            data-testid="editor-field-inputType"
          />
          <Checkbox
            label={t('scripts.editor.fields.required')}
            checked={node.required}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...node, required: e.currentTarget.checked })}
          />
          {(node.inputType === 'number' || node.inputType === 'money') && (
            <Group grow>
              <NumberInput
                label={t('scripts.editor.fields.min')}
                value={node.min ?? ''}
                readOnly={readOnly}
                onChange={(v) =>
                  onChange(withField(node, 'min', typeof v === 'number' ? v : undefined))
                }
              />
              <NumberInput
                label={t('scripts.editor.fields.max')}
                value={node.max ?? ''}
                readOnly={readOnly}
                onChange={(v) =>
                  onChange(withField(node, 'max', typeof v === 'number' ? v : undefined))
                }
              />
            </Group>
          )}
          {node.inputType === 'text' && (
            <TextInput
              label={t('scripts.editor.fields.pattern')}
              value={node.pattern ?? ''}
              readOnly={readOnly}
              error={fieldErrors['pattern']}
              onChange={(e) =>
                onChange(withField(node, 'pattern', e.currentTarget.value || undefined))
              }
            />
          )}
          {node.inputType === 'choiceList' && (
            <Textarea
              label={t('scripts.editor.fields.options')}
              autosize
              minRows={2}
              value={(node.options ?? []).join('\n')}
              readOnly={readOnly}
              error={fieldErrors['options']}
              onChange={(e) => onChange({ ...node, options: e.currentTarget.value.split('\n') })}
            />
          )}
          <Select
            label={t('scripts.editor.fields.clientField')}
            placeholder={t('scripts.editor.fields.clientFieldNone')}
            data={scriptClientFields.map((f) => ({ value: f, label: t(`clients.form.${f}`) }))}
            value={node.clientField ?? null}
            clearable
            readOnly={readOnly}
            onChange={(value) =>
              onChange(
                withField(
                  node,
                  'clientField',
                  scriptClientFields.find((f) => f === value),
                ),
              )
            }
          />
        </Stack>
      );
    case 'branch':
      return (
        <Stack gap={4}>
          <Group grow>
            <Select
              label={t('scripts.editor.fields.branchOn')}
              data={(['answer', 'variable', 'clientField'] as const).map((source) => ({
                value: source,
                label: t(`scripts.editor.branchSources.${source}`),
              }))}
              value={node.on.source}
              readOnly={readOnly}
              allowDeselect={false}
              onChange={(value) =>
                onChange({
                  ...node,
                  on: {
                    ...node.on,
                    source: value === 'variable' || value === 'clientField' ? value : 'answer',
                  },
                })
              }
            />
            <TextInput
              label={t('scripts.editor.fields.branchName')}
              value={node.on.name}
              readOnly={readOnly}
              error={fieldErrors['on.name']}
              onChange={(e) =>
                onChange({ ...node, on: { ...node.on, name: e.currentTarget.value } })
              }
              data-testid="editor-field-branchName"
            />
          </Group>
          {node.cases.map((c, index) => (
            <TextInput
              key={index}
              label={t('scripts.editor.fields.caseEquals', { n: index + 1 })}
              value={c.equals}
              readOnly={readOnly}
              onChange={(e) =>
                onChange({
                  ...node,
                  cases: node.cases.map((other, i) =>
                    i === index ? { ...other, equals: e.currentTarget.value } : other,
                  ),
                })
              }
              data-testid={`editor-case-${index + 1}`}
            />
          ))}
          {!readOnly && node.cases.length < 20 && (
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => onChange({ ...node, cases: [...node.cases, { equals: '' }] })}
              data-testid="editor-add-case"
            >
              {t('scripts.editor.addCase')}
            </Button>
          )}
        </Stack>
      );
    case 'setVariable':
      return (
        <TextInput
          label={t('scripts.editor.fields.value')}
          value={node.value}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...node, value: e.currentTarget.value })}
        />
      );
    case 'offer':
      return (
        <TextInput
          label={t('scripts.editor.fields.item')}
          value={node.item}
          readOnly={readOnly}
          error={fieldErrors['item']}
          onChange={(e) => onChange({ ...node, item: e.currentTarget.value })}
        />
      );
    case 'order':
      return (
        <TextInput
          label={t('scripts.editor.fields.orderType')}
          value={node.orderType}
          readOnly={readOnly}
          error={fieldErrors['orderType']}
          onChange={(e) => onChange({ ...node, orderType: e.currentTarget.value })}
        />
      );
    case 'transfer':
      return (
        <Select
          label={t('scripts.editor.fields.department')}
          data={[...new Set([...view.departments, node.department])]}
          value={node.department}
          readOnly={readOnly}
          allowDeselect={false}
          searchable
          onChange={(value) => value !== null && onChange({ ...node, department: value })}
        />
      );
    case 'end':
      return (
        <Group grow>
          <Select
            label={t('scripts.editor.fields.outcome')}
            data={dispositions.map((d) => ({ value: d, label: t(`clients.outcomes.${d}`) }))}
            value={node.outcome ?? null}
            clearable
            readOnly={readOnly}
            onChange={(value) =>
              onChange(
                withField(
                  node,
                  'outcome',
                  dispositions.find((d) => d === value),
                ),
              )
            }
            data-testid="editor-field-outcome"
          />
          <Select
            label={t('scripts.editor.fields.refusalReason')}
            data={view.refusalReasons.map((r) => ({ value: r.code, label: r.label }))}
            value={node.refusalReason ?? null}
            clearable
            readOnly={readOnly}
            onChange={(value) => onChange(withField(node, 'refusalReason', value ?? undefined))}
          />
        </Group>
      );
    default:
      return null;
  }
}
