import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real PostgreSQL for a test: Debian's server binaries, a fresh cluster in a
 * temporary folder, run as the `postgres` user (it refuses root), listening on
 * 127.0.0.1 only, TLS on with a certificate made for the run, and SCRAM for
 * every TCP login, as a center's cluster would be. A watchdog stops it should
 * the test process die without stopping it.
 */
export interface PostgresCluster {
  host: '127.0.0.1';
  port: number;
  /** The certificate clients verify the server with. */
  caFile: string;
  /** Runs SQL as the superuser over the cluster's own socket; returns psql's output. */
  admin(sql: string, database?: string): string;
  stop(): void;
  /** The server goes down (a center's outage), and comes back on the same port. */
  halt(): void;
  resume(): void;
}

function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (versions[0] === undefined) throw new Error('PostgreSQL server binaries are not installed');
  return path.join('/usr/lib/postgresql', versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const asPostgres = (command: string, args: string[], options: { cwd?: string } = {}) =>
  execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });

export async function startPostgres(
  settings: { maxConnections?: number } = {},
): Promise<PostgresCluster> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  chmodSync(dir, 0o700);
  const data = path.join(dir, 'data');
  asPostgres(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=reject',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  // A certificate for 127.0.0.1, made for this run; the key readable by the server alone.
  const cert = path.join(dir, 'server.crt');
  const key = path.join(dir, 'server.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  chownSync(cert, uid, gid);
  chownSync(key, uid, gid);
  chmodSync(key, 0o600);
  // TCP only with TLS and SCRAM; the superuser only through the cluster's socket.
  writeFileSync(
    path.join(data, 'pg_hba.conf'),
    'local all postgres trust\nhostssl all all 127.0.0.1/32 scram-sha-256\n',
  );
  chownSync(path.join(data, 'pg_hba.conf'), uid, gid);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c ssl=on',
    `-c ssl_cert_file=${cert}`,
    `-c ssl_key_file=${key}`,
    '-c password_encryption=scram-sha-256',
    '-c fsync=off',
    `-c max_connections=${settings.maxConnections ?? 100}`,
  ].join(' ');
  const pgCtl = path.join(bin, 'pg_ctl');
  const start = () =>
    asPostgres(pgCtl, [
      '-D',
      data,
      '-o',
      options,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      'start',
    ]);
  const halt = () => asPostgres(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  // Stops the cluster if this process dies first: servers a test starts stop by themselves.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; runuser -u postgres -- ${pgCtl} -D ${data} -m immediate stop >/dev/null 2>&1; rm -rf ${dir}`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  const psql = path.join(bin, 'psql');
  return {
    host: '127.0.0.1',
    port,
    caFile: cert,
    admin: (sql, database = 'postgres') =>
      asPostgres(psql, [
        '-h',
        dir,
        '-p',
        String(port),
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-qAt',
        '-c',
        sql,
      ]),
    stop() {
      try {
        halt();
      } catch {
        // Already stopped.
      }
      watchdog.kill();
      rmSync(dir, { recursive: true, force: true });
    },
    halt,
    resume: start,
  };
}
