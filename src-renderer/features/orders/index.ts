export { OrdersPage } from './OrdersPage';
export { OrderDialog } from './OrderDialog';
export { ComplaintDialog } from './ComplaintDialog';
export { ComplaintStatusMenu } from './ComplaintStatusMenu';
export { KnowledgeDrawer } from './KnowledgeDrawer';
export { ClientOrderActions } from './ClientOrderActions';
export { clientWorkChanges, orderRequests, complaintRequests } from './orderDesk';
export { loadOrderCatalogue } from './useOrderCatalogue';
