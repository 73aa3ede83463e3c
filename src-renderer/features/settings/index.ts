export { SettingsPage } from './SettingsPage';
export { saveDiagnostics } from './DiagnosticsBundle';
