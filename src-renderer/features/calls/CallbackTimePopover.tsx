import { Button, Popover, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { problemText } from '../../common/problems';

/**
 * A button that opens a small form for a callback's time (and a note, when
 * asked for): scheduling one from the card and moving one from the list.
 * onSave answers with what went wrong, or undefined when it was saved.
 */
export function CallbackTimePopover({
  label,
  testId,
  timeLabel,
  saveLabel,
  noteLabel,
  onSave,
}: {
  label: string;
  testId: string;
  timeLabel: string;
  saveLabel: string;
  noteLabel?: string;
  onSave: (dueAt: string, note: string) => Promise<string | undefined>;
}) {
  const [opened, setOpened] = useState(false);
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const save = () => {
    const date = new Date(when);
    if (Number.isNaN(date.getTime())) return;
    onSave(date.toISOString(), note).then(
      (failure) => {
        setProblem(failure);
        if (failure === undefined) setOpened(false);
      },
      (e: unknown) => setProblem(problemText(e)),
    );
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpened((o) => !o)}
          data-testid={testId}
        >
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            type="datetime-local"
            label={timeLabel}
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
            error={problem}
            data-testid={`${testId}-time`}
          />
          {noteLabel !== undefined && (
            <TextInput
              label={noteLabel}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          )}
          <Button size="xs" onClick={save} data-testid={`${testId}-save`}>
            {saveLabel}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
