export { actOnCall } from './actOnCall';
export { CallBar } from './CallBar';
export { CallbackTimePopover } from './CallbackTimePopover';
export { CallsPage } from './CallsPage';
export { DialButton } from './DialButton';
export { useCalls } from './useCalls';
export { useCallSounds } from './useCallSounds';
export { WrapUpPanel } from './WrapUpPanel';
