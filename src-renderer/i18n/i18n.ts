import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { en as zodEn, uk as zodUk } from 'zod/locales';
import type { Language } from '../../src-shared/settings/userSettingsSchema';
import en from './locales/en.json';
import uk from './locales/uk.json';

export const resources = { uk: { translation: uk }, en: { translation: en } } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['uk'];
  }
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'uk',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(language);
  return i18next;
}

/** The page and the checks of forms (zod's messages) in the operator's language. */
function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  z.config(language === 'uk' ? zodUk() : zodEn());
}

export async function switchLanguage(language: Language): Promise<void> {
  if (i18next.language === language) return;
  await i18next.changeLanguage(language);
  applyLanguage(language);
}
