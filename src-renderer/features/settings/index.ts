export { SettingsPage } from './SettingsPage';
export { saveDiagnostics } from './DiagnosticsBundle';
export { UpdateOffer } from './UpdatesPanel';
