import type { InvokeChannel } from '../contract';
import type { InvokeHandlers } from '../dispatch';

/** The handlers of every channel whose name starts with a prefix, e.g. 'clients.'. */
export type HandlersOf<Prefix extends string> = Pick<
  InvokeHandlers,
  Extract<InvokeChannel, `${Prefix}${string}`>
>;
