import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { useEffect, useRef } from 'react';
import type { HelpView } from '../../../src-shared/sync/supervisorView';
import type { SyncView } from '../../../src-shared/sync/syncView';
import { invoke, onEvent } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';
import { actOnCall } from '../calls';

const noticeId = (uid: string) => `help-${uid}`;

/**
 * Calls for help as they come with the team's feed: a supervisor sees a
 * colleague's (who, the client, the line) until one of the supervisors
 * answers; the operator who asked sees the answer, with the consult to the
 * supervisor's line one press away. Nothing shows for the desk's own
 * request until it is answered, nor for requests of other operators on an
 * operator's desk (the center sends them none).
 */
export function HelpNotices({ sync }: { sync: SyncView | undefined }) {
  const latest = useRef(sync);
  useEffect(() => {
    latest.current = sync;
  }, [sync]);
  useEffect(
    () =>
      onEvent('team.help', (entries) => {
        for (const help of entries) show(help, latest.current);
      }),
    [],
  );
  return null;
}

function show(help: HelpView, sync: SyncView | undefined): void {
  const t = i18next.t.bind(i18next);
  const mine = help.operator === sync?.user;
  const id = noticeId(help.uid);
  if (help.answeredBy !== null) {
    notifications.hide(id);
    const extension = help.extension;
    if (!mine || extension === null) return;
    notifications.show({
      id: `${id}-ready`,
      autoClose: false,
      color: 'teal',
      title: t('team.help.ready', { supervisor: help.answeredBy }),
      message: (
        <Stack gap={4}>
          <Text size="xs">{t('team.help.readyHint')}</Text>
          <Button
            size="xs"
            onClick={() => {
              actOnCall({ action: 'consult', id: help.request.callId, target: extension });
              notifications.hide(`${id}-ready`);
            }}
            data-testid="help-consult"
          >
            {t('team.help.consult', { extension })}
          </Button>
        </Stack>
      ),
    });
    return;
  }
  if (mine || sync?.supervisor !== true) return;
  const { request } = help;
  notifications.show({
    id,
    autoClose: false,
    color: 'orange',
    title: t('team.help.asked', { operator: help.operator }),
    message: (
      <Stack gap={4} data-testid="help-request">
        <Text size="xs">
          {t('team.help.about', {
            client: request.clientName ?? t('team.help.unknownClient'),
            number: request.number,
          })}
          {request.line === null ? '' : ` · ${t('team.help.line', { line: request.line })}`}
        </Text>
        <Button
          size="xs"
          onClick={() =>
            void invoke('team.answerHelp', { uid: help.uid }).then(
              () => {
                notifications.hide(id);
                notifications.show({ message: t('team.help.answered') });
              },
              (e: unknown) => reportProblem('callAction', e),
            )
          }
          data-testid="help-answer"
        >
          {t('team.help.answer')}
        </Button>
      </Stack>
    ),
  });
}
