import type { Clock } from '../../core/platform/ports';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import type { HandlersOf } from './handlerTypes';

/** The operator's promised callbacks. */
export function callbackHandlers(deps: {
  database: () => Promise<WorkstationDatabase>;
  clock: Clock;
  actor: string;
}): HandlersOf<'callbacks.'> {
  const callbacks = async () => (await deps.database()).callbacks;
  return {
    // Today, tomorrow and overdue are the operator's local days.
    'callbacks.mine': async () =>
      await (await callbacks()).mine(deps.actor, -deps.clock.now().getTimezoneOffset()),
    'callbacks.create': async ({ clientId, dueAt, note }) => {
      const result = (await callbacks()).create(clientId, dueAt, note, deps.actor);
      return typeof result === 'number'
        ? { ok: true as const, id: result }
        : { ok: false as const, error: result };
    },
    'callbacks.cancel': async ({ id }) => ({
      cancelled: (await callbacks()).cancel(id, deps.actor),
    }),
    'callbacks.reschedule': async ({ id, dueAt }) => {
      const result = (await callbacks()).reschedule(id, dueAt, deps.actor);
      if (result === 'past') return { ok: false, error: 'past' };
      return result ? { ok: true } : { ok: false, error: 'notFound' };
    },
  };
}
