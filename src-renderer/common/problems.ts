import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { PultRequestError } from '../api/pultClient';

/** What the operator was doing when something failed: the notice's title. */
export type Attempt =
  | 'callAction'
  | 'load'
  | 'save'
  | 'importStart'
  | 'export'
  | 'dial'
  | 'settings'
  | 'sound'
  | 'script';

/**
 * What happened and what to do, in the operator's language. Main's refusals
 * come with a code; anything else (a page-side failure) is said generally.
 * Main's own English message is for the log, never for the operator.
 */
export function problemText(error: unknown): string {
  return error instanceof PultRequestError
    ? i18next.t(`errors.code.${error.code}`)
    : i18next.t('errors.code.unexpected');
}

/**
 * Shows a failure where the operator is looking (a notice that stays until
 * read), and logs it for IT. Every failed request that nothing else shows
 * ends here; none is swallowed.
 */
export function reportProblem(
  attempt: Attempt,
  error?: unknown,
  why: 'errors.notDone' | 'errors.invalidNumber' = 'errors.notDone',
): void {
  console.warn(`pult: ${attempt} failed`, error);
  const show = () =>
    notifications.show({
      color: 'red',
      title: i18next.t(`errors.attempt.${attempt}`),
      message: error === undefined ? i18next.t(why) : problemText(error),
      autoClose: false,
      withBorder: true,
    });
  // A failure while the window starts waits for its words.
  if (i18next.isInitialized) show();
  else i18next.on('initialized', show);
}

/**
 * An audio element that would not play or take its device: the operator would
 * not hear the ring or the caller. A play() cut short by the next pause() or
 * source (AbortError) is no failure.
 */
export function reportSoundProblem(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  reportProblem('sound', error);
}
