export { PerformancePage } from './PerformancePage';
