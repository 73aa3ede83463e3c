export { PerformancePage } from './PerformancePage';
export { formatFigure } from './formatFigure';
