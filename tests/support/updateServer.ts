import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The center's update server as IT lays it out (README, "For IT"): a folder
 * per ring, each with the channel file electron-builder writes and the
 * installers it names. A real HTTP server on loopback that stops with the test.
 */
export class UpdateServer {
  readonly requests: string[] = [];
  private constructor(
    private readonly server: http.Server,
    readonly root: string,
    readonly url: string,
  ) {}

  static async start(): Promise<UpdateServer> {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pult-updates-'));
    const server = http.createServer((request, response) => {
      const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file = path.join(root, path.normalize(name));
      let size: number;
      try {
        const stat = statSync(file);
        if (!stat.isFile()) throw new Error('not a file');
        size = stat.size;
      } catch {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(200, { 'content-length': size });
      createReadStream(file).pipe(response);
    });
    server.on('request', (request) => updates.requests.push(request.url ?? ''));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const updates = new UpdateServer(server, root, `http://127.0.0.1:${port}`);
    return updates;
  }

  /** The channel file this platform's updater asks for (latest.yml, latest-mac.yml, latest-linux.yml). */
  static channelFile(): string {
    if (process.platform === 'win32') return 'latest.yml';
    if (process.platform === 'darwin') return 'latest-mac.yml';
    return process.arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${process.arch}.yml`;
  }

  /**
   * Publishes `version` in `ring`: an installer of `sizeBytes` random bytes and
   * the channel file with its sha512, as electron-builder writes them. With
   * `corrupt`, the file served is not the one latest.yml describes (a broken
   * upload, a proxy that altered it).
   */
  publish(
    ring: string,
    version: string,
    options: { sizeBytes?: number; corrupt?: boolean; extension?: string } = {},
  ): { file: string; sha512: string } {
    const dir = path.join(this.root, ring);
    mkdirSync(dir, { recursive: true });
    const extension = options.extension ?? (process.platform === 'win32' ? 'exe' : 'deb');
    const file = `pult_${version}_amd64.${extension}`;
    const bytes = randomBytes(options.sizeBytes ?? 2 * 1024 * 1024);
    const sha512 = createHash('sha512').update(bytes).digest('base64');
    if (options.corrupt === true)
      bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0xff, bytes.length >> 1);
    writeFileSync(path.join(dir, file), bytes);
    writeFileSync(
      path.join(dir, UpdateServer.channelFile()),
      [
        `version: ${version}`,
        'files:',
        `  - url: ${file}`,
        `    sha512: ${sha512}`,
        `    size: ${bytes.length}`,
        `path: ${file}`,
        `sha512: ${sha512}`,
        `releaseDate: '2026-12-01T08:00:00.000Z'`,
        '',
      ].join('\n'),
    );
    return { file, sha512 };
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
