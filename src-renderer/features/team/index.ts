export { HelpNotices } from './HelpNotices';
export { SupervisorPage } from './SupervisorPage';
