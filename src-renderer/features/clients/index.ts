export { ClientsPage, type NewClientRequest } from './ClientsPage';
