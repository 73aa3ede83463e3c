import { SectionPlaceholder } from '../../shell/SectionPlaceholder';

export function OrdersPage() {
  return <SectionPlaceholder section="orders" />;
}
