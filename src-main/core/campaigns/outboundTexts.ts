import type { Disposition } from '../../../src-shared/calls/wrapUpSchema';
import type { DialResult } from './dialAttempts';

type Result = DialResult | Disposition;

const results: Record<Result, { uk: string; en: string }> = {
  answered: { uk: 'розмова', en: 'talked' },
  noAnswer: { uk: 'не відповів', en: 'no answer' },
  busy: { uk: 'зайнято', en: 'busy' },
  failed: { uk: 'не з’єдналося', en: 'call failed' },
  machine: { uk: 'автовідповідач', en: 'answering machine' },
  sale: { uk: 'згода', en: 'agreed' },
  refused: { uk: 'відмова', en: 'refused' },
  callback: { uk: 'передзвонити', en: 'call back' },
  wrongNumber: { uk: 'помилковий номер', en: 'wrong number' },
  complaint: { uk: 'скарга', en: 'complaint' },
  info: { uk: 'надано інформацію', en: 'information given' },
};

const dialErrors = {
  notRegistered: {
    uk: 'Телефон не зареєстровано на АТС. Перевірте з’єднання в рядку стану, тоді натисніть «Продовжити».',
    en: 'The phone is not registered at the PBX. Check the connection in the status bar, then press Resume.',
  },
  noAudioWindow: {
    uk: 'Звук недоступний: вікно Pult не готове до дзвінка. Перезапустіть Pult, якщо це повторюється.',
    en: 'No audio: the Pult window is not ready for calls. Restart Pult if this happens again.',
  },
  invalidNumber: {
    uk: 'Номер не можна набрати за правилами АТС. Виправте номер у картці клієнта.',
    en: 'The number cannot be dialled under the PBX rules. Correct it on the client card.',
  },
};

const time = (iso: string, language: 'uk' | 'en') =>
  new Date(iso).toLocaleString(language === 'uk' ? 'uk-UA' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The outbound desk's lines to the operator, in their language. */
export function outboundTexts(language: 'uk' | 'en') {
  return {
    dialFailed: (error: string) =>
      (error in dialErrors
        ? dialErrors[error as keyof typeof dialErrors]
        : dialErrors.invalidNumber)[language],
    followFailed:
      language === 'uk'
        ? 'Не вдалося записати, чим закінчився дзвінок за списком: контакт може з’явитися знову. Спробуйте ще раз; якщо повториться, збережіть діагностику для ІТ.'
        : 'What the list call came to could not be written: the contact may come up again. Try again; if it repeats, save the diagnostics for IT.',
    /** "Мельник Андрій: зайнято, ще раз 06.12, 14:35" */
    lastResult: (name: string, result: Result, state: string, dueAt: string | null) => {
      const what = results[result][language];
      if (dueAt !== null && (state === 'due' || state === 'callback'))
        return language === 'uk'
          ? `${name}: ${what}, наступна спроба ${time(dueAt, language)}`
          : `${name}: ${what}, next attempt ${time(dueAt, language)}`;
      return `${name}: ${what}`;
    },
  };
}
