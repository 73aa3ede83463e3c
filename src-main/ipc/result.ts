/**
 * Every invoke answers with a value, never a thrown error: Electron would strip
 * a thrown error down to its message, and the renderer needs the code to say
 * the right thing to the operator.
 */
export type IpcErrorCode =
  | 'unknownChannel'
  | 'forbiddenSender'
  | 'invalidRequest'
  | 'invalidResponse'
  | 'rejected'
  | 'internal';

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** For invalidRequest: where the payload was wrong, e.g. ["language"]. */
  issues?: { path: string; message: string }[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by a handler for an expected refusal (e.g. a locked setting): reaches the UI as 'rejected'. */
export class IpcRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRejection';
  }
}
