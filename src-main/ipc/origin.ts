/** Origin of a URL, also for non-special schemes such as app://, where WHATWG URL.origin says "null". */
export function originOf(rawUrl: string | undefined): string | undefined {
  if (rawUrl === undefined) return undefined;
  try {
    const url = new URL(rawUrl);
    return url.host === '' ? undefined : `${url.protocol}//${url.host}`;
  } catch {
    return undefined;
  }
}
