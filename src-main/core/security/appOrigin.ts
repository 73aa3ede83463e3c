/**
 * The app is served from its own privileged scheme, never file://, so that it
 * has a real origin for CSP, permissions and IPC sender checks.
 */
export const appScheme = 'app';
export const appHost = 'pult';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export { originOf } from '../../ipc/origin';
