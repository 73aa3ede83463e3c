/**
 * Links leave the app only to https hosts IT has allowed (exact host or a
 * subdomain of it). Anything else, including http, file: and custom schemes
 * that could start local programs, is refused.
 */
export function isExternalUrlAllowed(rawUrl: string, allowedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return allowedHosts.some((allowed) => {
    const entry = allowed.toLowerCase();
    return host === entry || host.endsWith(`.${entry}`);
  });
}
