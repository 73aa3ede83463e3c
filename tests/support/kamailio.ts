import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const sharedDir =
  process.env['PULT_SHARED_DIR'] ?? path.resolve(import.meta.dirname, '../../../shared');

export interface Kamailio {
  rundir: string;
  /** Kills the PBX and all its worker processes, as a crash would: connections close. */
  stop(): Promise<void>;
  /** Freezes every process of the PBX: connections stay open, nothing answers. */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  /** JSON-RPC to the running PBX, e.g. ul.dump. */
  rpc(method: string, params?: unknown[]): Promise<unknown>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every process of one test PBX: the main one and the workers it forks (which
 * hold the client connections), found by the run folder on their command line.
 */
async function processesOf(rundir: string): Promise<number[]> {
  try {
    const { stdout } = await run('pgrep', ['-f', rundir]);
    return stdout.split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function signalAll(rundir: string, signal: 'KILL' | 'STOP' | 'CONT'): Promise<void> {
  for (const p of await processesOf(rundir)) {
    try {
      process.kill(p, `SIG${signal}`);
    } catch {
      // gone already
    }
  }
}

/** Starts the test PBX from ../shared/testbed on 127.0.0.1 (ws :8080, wss :8443 with WITH_TLS). */
export async function startKamailio(
  defines: string[] = ['WITH_AUTH'],
  rundir?: string,
): Promise<Kamailio> {
  const dir = rundir ?? mkdtempSync(path.join(os.tmpdir(), 'pult-kamailio-'));
  const args = defines.flatMap((d) => ['-A', d]);
  const { stdout } = await run(path.join(sharedDir, 'testbed/start-kamailio.sh'), args, {
    env: { ...process.env, RUNDIR: dir },
  });
  const pid = Number(/PID=(\d+)/.exec(stdout)?.[1]);
  if (!Number.isInteger(pid)) throw new Error(`Kamailio did not start:\n${stdout}`);
  return {
    rundir: dir,
    async stop() {
      await signalAll(dir, 'KILL');
      for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
      for (let i = 0; i < 100 && (await processesOf(dir)).length > 0; i++)
        await new Promise((r) => setTimeout(r, 50));
    },
    freeze: () => signalAll(dir, 'STOP'),
    thaw: () => signalAll(dir, 'CONT'),
    async rpc(method, params = []) {
      const response = await fetch('http://127.0.0.1:8080/RPC', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
      });
      return ((await response.json()) as { result?: unknown }).result;
    },
  };
}
