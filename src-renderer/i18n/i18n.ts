import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
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
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  if (i18next.language === language) return;
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
