/**
 * How an operator is matched in the schedule: "Петренко О." and
 * "петренко  о." are one. SQLite's lower() folds ASCII only, so names are
 * folded here, before they are stored and before they are looked up.
 */
export function operatorKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The keys an operator's shifts may be stored under: their login and their name. */
export function operatorKeys(actor: string, names: readonly string[]): string[] {
  return [...new Set([actor, ...names].filter((n) => n.trim() !== '').map(operatorKey))];
}
