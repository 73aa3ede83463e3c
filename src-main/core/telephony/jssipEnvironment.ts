/**
 * JsSIP was written for browsers: it reads `window.RTCPeerConnection` when an
 * INVITE arrives, and with no `window` at all it throws inside the socket
 * handler, which in the main process would take the app down. Until the
 * media bridge to the renderer provides a peer connection, main offers a
 * `window` without one, so JsSIP answers an INVITE with 488 and carries on.
 * Libraries loaded in main do not look at `window` (checked when this was
 * written); the renderer's real window is untouched.
 */
export function prepareJsSipEnvironment(): void {
  const global = globalThis as { window?: unknown };
  global.window ??= { RTCPeerConnection: undefined };
}
