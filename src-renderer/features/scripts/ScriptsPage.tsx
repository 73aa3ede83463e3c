import { SectionPlaceholder } from '../../shell/SectionPlaceholder';

export function ScriptsPage() {
  return <SectionPlaceholder section="scripts" />;
}
