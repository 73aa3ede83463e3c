/**
 * Whether a PBX address may be used without TLS. SIP over a plain ws://
 * carries the digest exchange and every caller's number in the clear, so it
 * is allowed only to this machine itself (a local proxy or SBC) and to the
 * hosts IT's policy names; anything else must be wss://.
 *
 * Returns the refused host, or undefined when the address may be used.
 */
export function plainWebSocketRefused(
  wsUrl: string,
  allowedHosts: readonly string[],
): string | undefined {
  let url: URL;
  try {
    url = new URL(wsUrl);
  } catch {
    return wsUrl;
  }
  if (url.protocol !== 'ws:') return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (loopback.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host)) return undefined;
  if (allowedHosts.some((allowed) => allowed.toLowerCase() === host)) return undefined;
  return host;
}

const loopback = new Set(['localhost', '::1']);
