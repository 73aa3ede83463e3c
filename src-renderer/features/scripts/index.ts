export { CallScriptPanel } from './CallScriptPanel';
export { ClientScriptRuns } from './ClientScriptRuns';
export { ScriptsPage } from './ScriptsPage';
export { useCallScript } from './useCallScript';
