import { Button, Table, Text } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunAnswer } from '../../../src-shared/scripts/scriptRunView';

/** The latest answers shown at first; a long survey's earlier ones are a click away. */
const shownAtFirst = 12;

/** What the client answered in a run, question by question (the latest answer to each). */
export const RunAnswers = memo(function RunAnswers({ answers }: { answers: RunAnswer[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (answers.length === 0) return null;
  const hidden = all ? 0 : Math.max(0, answers.length - shownAtFirst);
  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="script-answers">
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
        <Text size="sm" fw={600} component="span">
          {t('scripts.run.answers')}
        </Text>
      </Table.Caption>
      <Table.Tbody>
        {answers.slice(hidden).map((answer) => (
          <AnswerRow key={answer.nodeId} answer={answer} />
        ))}
      </Table.Tbody>
      {hidden > 0 && (
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td colSpan={2}>
              <Button size="compact-xs" variant="subtle" onClick={() => setAll(true)}>
                {t('scripts.run.earlierAnswers', { count: hidden })}
              </Button>
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      )}
    </Table>
  );
});

/** One answer's row: drawn once, as a step adds a row and leaves the others as they were. */
const AnswerRow = memo(function AnswerRow({ answer }: { answer: RunAnswer }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="script-answer" data-node-id={answer.nodeId}>
      <Table.Td>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {answer.prompt}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {answer.kind === 'accept'
            ? t('scripts.run.accepted', { item: answer.value })
            : answer.kind === 'refuse'
              ? t('scripts.run.refusedBecause', { reason: answer.value })
              : answer.value}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
});
