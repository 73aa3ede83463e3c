import { createRequire } from 'node:module';
import JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';

/** What a BYE needs of an answered call's dialog (RFC 3261 12.2.1.1), as kept in its row. */
export interface SipDialogRecord {
  callId: string;
  localTag: string;
  remoteTag: string;
  localUri: string;
  remoteUri: string;
  remoteTarget: string;
  routeSet: string[];
}

interface JsSipDialog {
  _id: { call_id: string; local_tag: string; remote_tag: string };
  _local_uri: { toString(): string };
  _remote_uri: { toString(): string };
  _remote_target: { toString(): string };
  _route_set: string[];
}

/** The dialog of a confirmed call, read from JsSIP's session (it has no public getter). */
export function dialogOf(session: RTCSession): SipDialogRecord | undefined {
  const dialog = (session as unknown as { _dialog?: JsSipDialog | null })._dialog;
  if (dialog === undefined || dialog === null) return undefined;
  return {
    callId: dialog._id.call_id,
    localTag: dialog._id.local_tag,
    remoteTag: dialog._id.remote_tag,
    localUri: dialog._local_uri.toString(),
    remoteUri: dialog._remote_uri.toString(),
    remoteTarget: dialog._remote_target.toString(),
    routeSet: [...dialog._route_set],
  };
}

type OutgoingRequestClass = new (
  method: string,
  ruri: unknown,
  ua: JsSIP.UA,
  params: Record<string, unknown>,
  extraHeaders: string[],
) => unknown;
type RequestSenderClass = new (
  ua: JsSIP.UA,
  request: unknown,
  handlers: {
    onRequestTimeout: () => void;
    onTransportError: () => void;
    onReceiveResponse: (response: { status_code: number }) => void;
    onAuthenticated: () => void;
  },
) => { send(): void };

// JsSIP builds in-dialog requests only for a live session; a dialog that outlived its
// process is ended with JsSIP's own request and transaction classes (not in its typings).
const require = createRequire(import.meta.url);

/**
 * Ends, at the PBX and the other party, the dialog of a call the app was
 * killed during: a BYE in that dialog (its CSeq well above any the call
 * used), through the agent's new registration. Resolves with the final
 * response's code, or 0 when none came.
 */
export function sendBye(ua: JsSIP.UA, dialog: SipDialogRecord): Promise<number> {
  const { OutgoingRequest } = require('jssip/lib/SIPMessage') as {
    OutgoingRequest: OutgoingRequestClass;
  };
  const RequestSender = require('jssip/lib/RequestSender') as RequestSenderClass;
  const request = new OutgoingRequest(
    'BYE',
    JsSIP.URI.parse(dialog.remoteTarget),
    ua,
    {
      cseq: 100_000 + Math.floor(Math.random() * 1000),
      call_id: dialog.callId,
      from_uri: JsSIP.URI.parse(dialog.localUri),
      from_tag: dialog.localTag,
      to_uri: JsSIP.URI.parse(dialog.remoteUri),
      to_tag: dialog.remoteTag,
      route_set: dialog.routeSet,
    },
    ['Reason: SIP;cause=500;text="The agent application stopped"'],
  );
  return new Promise((resolve) => {
    new RequestSender(ua, request, {
      onRequestTimeout: () => resolve(0),
      onTransportError: () => resolve(0),
      onReceiveResponse: (response) => {
        if (response.status_code >= 200) resolve(response.status_code);
      },
      onAuthenticated: () => undefined,
    }).send();
  });
}
