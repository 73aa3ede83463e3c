/**
 * Every invoke answers with a value, never a thrown error: Electron would strip
 * a thrown error down to its message, and the renderer needs the code to say
 * the right thing to the operator.
 */
/** What main refuses on purpose; the renderer says each in the operator's language. */
export const refusalCodes = [
  'databaseUnavailable',
  'clientNotFound',
  'fileNotChosen',
  'baseNotEmpty',
  'settingLocked',
  'insecurePbxAddress',
  'importColumnsMissing',
  'fileUnreadable',
  'fileNotWritten',
  'campaignListNotBuilt',
  'campaignNotStarted',
  'callbackInPast',
  'scriptRunNotFound',
  'scriptNotPublished',
  'scriptEditNotAllowed',
  'scriptReadOnly',
  'scriptStepNotAllowed',
  'catalogueMissing',
  'orderTypeUnknown',
  'orderDraftNotFound',
  'orderNotFound',
  'orderNotConfirmed',
  'orderStatusNotAllowed',
  'complaintCategoryUnknown',
  'complaintNotFound',
  'complaintOrderOfAnotherClient',
  'complaintNeedsVerdict',
  'knowledgeItemNotFound',
  'offerNotInForce',
  'refusalReasonUnknown',
  'offerNeedsClient',
  'callNotFound',
  'achievementKindUnknown',
  'achievementInFuture',
  'dayOffNotNextWeek',
  'dayOffAlreadyRequested',
  'teamOffline',
  'notSupervisor',
  'alreadyDecided',
  'ownDayOff',
  'doNotCallStays',
  'campaignNotFound',
  'noOwnLine',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export type IpcErrorCode =
  | 'unknownChannel'
  | 'forbiddenSender'
  | 'invalidRequest'
  | 'invalidResponse'
  | 'internal'
  | RefusalCode;

export interface IpcError {
  code: IpcErrorCode;
  /** For the log and developers (English); the operator reads the code's own sentence. */
  message: string;
  /** For invalidRequest: where the payload was wrong, e.g. ["language"]. */
  issues?: { path: string; message: string }[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by a handler for an expected refusal (e.g. a locked setting): reaches the UI with its code. */
export class IpcRejection extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcRejection';
  }
}
