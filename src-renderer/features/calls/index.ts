export { CallBar } from './CallBar';
export { CallsPage } from './CallsPage';
export { useCalls } from './useCalls';
export { WrapUpPanel } from './WrapUpPanel';
