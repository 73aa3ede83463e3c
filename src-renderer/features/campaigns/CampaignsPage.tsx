import { SectionPlaceholder } from '../../shell/SectionPlaceholder';

export function CampaignsPage() {
  return <SectionPlaceholder section="campaigns" />;
}
