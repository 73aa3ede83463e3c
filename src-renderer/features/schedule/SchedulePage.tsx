import { SectionPlaceholder } from '../../shell/SectionPlaceholder';

export function SchedulePage() {
  return <SectionPlaceholder section="schedule" />;
}
