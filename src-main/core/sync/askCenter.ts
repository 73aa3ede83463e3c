import { sqlStateOf } from './outboxPush';

/**
 * One question to the center's server, its failures in the operator's terms:
 * no connection, or a failure that is not the database's answer (no
 * SQLSTATE: the network gave way), is `offline`; a database refusal is the
 * problem `refusals` names for its SQLSTATE (given the message, where one
 * code means several things); any other answer of the database is a fault,
 * thrown as it is.
 */
export async function askCenter<C, T, P extends string>(
  connect: () => Promise<C>,
  ask: (connection: C) => Promise<T>,
  refuse: NoInfer<{ offline: P; refusals: Partial<Record<string, P | ((message: string) => P)>> }>,
  /** Makes the refusal of a problem; its parameter's type names the problems. */
  refusal: (problem: P) => Error,
): Promise<T> {
  let connection: C;
  try {
    connection = await connect();
  } catch {
    throw refusal(refuse.offline);
  }
  try {
    return await ask(connection);
  } catch (error) {
    const code = sqlStateOf(error);
    if (code === undefined) throw refusal(refuse.offline);
    const named = refuse.refusals[code];
    if (named === undefined) throw error;
    throw refusal(typeof named === 'function' ? named((error as Error).message) : named);
  }
}
