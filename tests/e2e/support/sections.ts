import en from '../../../src-renderer/i18n/locales/en.json' with { type: 'json' };
import uk from '../../../src-renderer/i18n/locales/uk.json' with { type: 'json' };
import { sectionIds, type SectionId } from '../../../src-renderer/app/sections';

export { sectionIds, type SectionId };

export function sectionTitle(language: 'uk' | 'en', id: SectionId): string {
  return (language === 'uk' ? uk : en).sections[id].title;
}
