import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { zipSync, strToU8 } from 'fflate';
import { maskNumbers } from './redaction';

/** What main knows of the workstation when the bundle is asked for (all of it redacted already). */
export interface DiagnosticsParts {
  about: Record<string, unknown>;
  policy: unknown;
  /** The update state: running version, ring, what was found, why it waits or failed. */
  updates: unknown;
  /** Team sync: the server, what is pending, refused (with why) and the last error. */
  sync?: unknown;
  status: unknown;
  stalls: unknown;
  sipTrace: string;
  /** How long registrations and calls' ICE took (no numbers, no names: durations and results). */
  timings: unknown;
  headsets: unknown;
  audioDevices: { kind: string; label: string }[];
  /** The log files (the current and the rotated one), read here and redacted. */
  logFiles: string[];
}

/** The largest part of a log taken: its end, where the trouble is. */
const logTail = 2 * 1024 * 1024;

/**
 * The base's health without its content: the integrity check, the file's
 * size, and how many rows each table holds. Table names come from the
 * schema, never from input.
 */
export function baseHealth(sqlite: BetterSqlite3.Database, file: string, sizeBytes: number) {
  const check = sqlite.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const tables = sqlite
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' ORDER BY name",
    )
    .all()
    .map(({ name }) => ({
      name,
      rows: (
        sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as {
          n: number;
        }
      ).n,
    }));
  return {
    file: path.basename(file),
    sizeBytes,
    pageSize: sqlite.pragma('page_size', { simple: true }) as number,
    integrity: check.map((row) => row.quick_check),
    schemaVersion: (sqlite.prepare('SELECT count(*) AS n FROM migrations').get() as { n: number })
      .n,
    tables,
  };
}

/**
 * One zip for IT: versions, the policy in force, the status bar, main's
 * stall figures, the last SIP messages (redacted as traced), headsets with
 * their report descriptors, audio devices, the logs (numbers masked) and the
 * base's integrity and sizes, never its content. Written on a worker.
 */
export async function writeDiagnosticsBundle(
  file: string,
  parts: DiagnosticsParts,
  base: { sqlite: BetterSqlite3.Database; file: string } | undefined,
): Promise<{ entries: number }> {
  const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);
  const entries: Record<string, Uint8Array> = {
    'about.json': json(parts.about),
    'policy.json': json(parts.policy),
    'updates.json': json(parts.updates),
    'sync.json': json(parts.sync ?? null),
    'status.json': json(parts.status),
    'main-stalls.json': json(parts.stalls),
    'sip-trace.txt': strToU8(parts.sipTrace),
    'connection-timings.json': json(parts.timings),
    'headsets.json': json(parts.headsets),
    'audio-devices.json': json(parts.audioDevices),
  };
  for (const log of parts.logFiles) {
    const size = await stat(log).then(
      (s) => s.size,
      () => -1,
    );
    if (size < 0) continue;
    const bytes = await readFile(log);
    const text = bytes.subarray(Math.max(0, bytes.length - logTail)).toString('utf8');
    entries[`logs/${path.basename(log)}`] = strToU8(maskNumbers(text));
  }
  if (base !== undefined) {
    const size = (await stat(base.file)).size;
    entries['database.json'] = json(baseHealth(base.sqlite, base.file, size));
  }
  await writeFile(file, zipSync(entries, { level: 6 }));
  return { entries: Object.keys(entries).length };
}
