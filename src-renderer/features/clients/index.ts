export { ClientsPage } from './ClientsPage';
export type { NewClientRequest } from './useClientEditor';
