/** Where Group Policy (and Intune's ADMX ingestion) writes Pult's keys: not under Microsoft\, which Intune cannot write. */
export const registryRoot = 'Software\\Policies\\Pult';
/** The managed preferences domain on macOS: the app's id. */
export const macPreferencesDomain = 'ua.pult.workstation';
