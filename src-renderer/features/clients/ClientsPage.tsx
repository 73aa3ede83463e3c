import { SectionPlaceholder } from '../../shell/SectionPlaceholder';

export function ClientsPage() {
  return <SectionPlaceholder section="clients" />;
}
