import { Refusal } from '../../core/platform/refusal';
import { IpcRejection, refusalCodes, type RefusalCode } from '../result';

const isRefusalCode = (problem: string): problem is RefusalCode =>
  (refusalCodes as readonly string[]).includes(problem);

/**
 * What the core refuses on purpose (a Refusal) reaches the window with its
 * code, which the window says in words; anything else stays an internal error.
 */
export function refusalsAsCodes<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asCode(error);
  }
}

/** The same, for work that answers later (a question to the center's server). */
export async function refusalsAsCodesAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asCode(error);
  }
}

function asCode(error: unknown): unknown {
  const problem: unknown = error instanceof Refusal ? error.problem : undefined;
  if (typeof problem === 'string' && isRefusalCode(problem))
    return new IpcRejection(problem, (error as Error).message);
  return error;
}
