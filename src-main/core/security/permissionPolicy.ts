import { originOf } from './appOrigin';

export interface PermissionQuery {
  /** Electron's permission name, e.g. "media", "geolocation", "notifications". */
  permission: string;
  /** URL or origin of the page asking. */
  requestingUrl: string | undefined;
  /** For "media": what is asked for ("audio", "video"; checks may say "unknown"). */
  mediaTypes: readonly string[];
}

/**
 * The only thing the app's own page may use is the microphone: an operator's
 * workstation needs no camera, location or anything else, and no other origin
 * gets anything at all.
 */
export function isPermissionAllowed(query: PermissionQuery, trustedOrigin: string): boolean {
  if (originOf(query.requestingUrl) !== trustedOrigin) return false;
  if (query.permission !== 'media') return false;
  // Device enumeration checks arrive as "unknown"; labels are needed to pick a microphone.
  return (
    query.mediaTypes.length > 0 && query.mediaTypes.every((t) => t === 'audio' || t === 'unknown')
  );
}
