/** The sections every operator has, in the order of their Ctrl+1…8 shortcuts. */
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
/** The supervisor's section (старший зміни), last (Ctrl+9): shown to those the center says supervise. */
export const supervisorSectionId = 'team';
export type SectionId = (typeof sectionIds)[number] | typeof supervisorSectionId;

export function isSectionId(value: string): value is SectionId {
  return value === supervisorSectionId || (sectionIds as readonly string[]).includes(value);
}

/** The sections the navigation lists for this operator. */
export function visibleSections(supervisor: boolean): readonly SectionId[] {
  return supervisor ? [...sectionIds, supervisorSectionId] : sectionIds;
}
