export { SupervisorPage } from './SupervisorPage';
