export { CallsPage } from './CallsPage';
