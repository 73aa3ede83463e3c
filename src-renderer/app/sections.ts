export const sectionIds = [
  'calls',
  'clients',
  'scripts',
  'orders',
  'campaigns',
  'performance',
  'schedule',
  'settings',
] as const;
export type SectionId = (typeof sectionIds)[number];

export function isSectionId(value: string): value is SectionId {
  return (sectionIds as readonly string[]).includes(value);
}
