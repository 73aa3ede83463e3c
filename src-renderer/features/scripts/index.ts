export { ScriptsPage } from './ScriptsPage';
