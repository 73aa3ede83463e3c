import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RunAnswer } from '../../../src-shared/scripts/scriptRunView';

/** What the client answered in a run, question by question (the latest answer to each). */
export function RunAnswers({ answers }: { answers: RunAnswer[] }) {
  const { t } = useTranslation();
  if (answers.length === 0) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="script-answers">
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
        <Text size="sm" fw={600} component="span">
          {t('scripts.run.answers')}
        </Text>
      </Table.Caption>
      <Table.Tbody>
        {answers.map((answer) => (
          <Table.Tr key={answer.nodeId} data-testid="script-answer" data-node-id={answer.nodeId}>
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
        ))}
      </Table.Tbody>
    </Table>
  );
}
