import { SectionPlaceholder } from '../../shell/SectionPlaceholder';

export function CallsPage() {
  return <SectionPlaceholder section="calls" />;
}
