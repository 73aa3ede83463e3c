/**
 * The renderer's Content-Security-Policy. Scripts only from the app itself: no
 * inline script, no eval. Styles allow inline because the component library
 * writes CSS variables into style elements; styles cannot run code.
 * Sent as a response header by the app protocol and as a meta tag in the built
 * index.html (the dev server adds its own inline scripts, so dev gets neither).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');
