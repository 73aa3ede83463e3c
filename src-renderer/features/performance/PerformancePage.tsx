import { SectionPlaceholder } from '../../shell/SectionPlaceholder';

export function PerformancePage() {
  return <SectionPlaceholder section="performance" />;
}
