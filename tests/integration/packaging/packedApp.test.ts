import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packUnpackedApp, type PackedApp } from '../../support/packedApp';

// What `npm run dist` packs, checked as far as this machine allows: the app
// around a stand-in runtime (Electron's binary cannot be downloaded here).
const repo = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
let packed: PackedApp;
let files: string[];

beforeAll(async () => {
  packed = await packUnpackedApp();
  files = listPackage(path.join(packed.resources, 'app.asar'), { isPack: false });
}, 300_000);
afterAll(() => packed?.dispose());

/** Every package (name@version) in the archive and beside it, by the package.json at its root. */
function shippedPackages(): Set<string> {
  const archive = path.join(packed.resources, 'app.asar');
  const unpacked = path.join(packed.resources, 'app.asar.unpacked');
  const found = new Set<string>();
  const read = (text: string) => {
    const { name, version } = JSON.parse(text) as { name?: string; version?: string };
    if (name !== undefined && version !== undefined) found.add(`${name}@${version}`);
  };
  const isPackageRoot = (p: string) =>
    /\/node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(p);
  for (const file of files.filter(isPackageRoot))
    if (!existsSync(path.join(unpacked, file)))
      read(extractFile(archive, file.slice(1)).toString('utf8'));
  for (const file of readdirSync(unpacked, { recursive: true }).map((f) => `/${String(f)}`))
    if (isPackageRoot(file)) read(readFileSync(path.join(unpacked, file), 'utf8'));
  return found;
}

describe('the packed app', () => {
  it('holds the bundle, and no tests, sources or source maps', () => {
    expect(files).toContain('/dist/main/main.js');
    expect(files).toContain('/dist/preload/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(
      own.filter((f) => /^\/(tests|src-main|src-renderer|src-shared|bench|scripts)(\/|$)/.test(f)),
    ).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(f))).toEqual([]);
  });

  it('ships no development dependency: everything in node_modules is in the production tree', () => {
    const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; name?: string; version?: string }>;
    };
    // A name@version the lock has only as a development package (every copy of it marked dev).
    const inProduction = new Set<string>();
    const inDevelopment = new Set<string>();
    for (const [where, entry] of Object.entries(lock.packages)) {
      const name = entry.name ?? where.split('node_modules/').at(-1);
      if (where === '' || name === undefined || entry.version === undefined) continue;
      (entry.dev === true ? inDevelopment : inProduction).add(`${name}@${entry.version}`);
    }
    const shipped = shippedPackages();
    const devOnly = [...shipped].filter((p) => inDevelopment.has(p) && !inProduction.has(p));
    expect(devOnly).toEqual([]);
    const names = new Set([...shipped].map((p) => p.slice(0, p.lastIndexOf('@'))));
    // The renderer's libraries are in its bundle; the tools never ship.
    for (const tool of [
      'react-dom',
      '@mantine/core',
      'vitest',
      'electron',
      'electron-builder',
      'typescript',
      'vite',
    ])
      expect(names.has(tool), tool).toBe(false);
    expect(names.has('better-sqlite3-multiple-ciphers')).toBe(true);
    expect(names.has('electron-updater')).toBe(true);
  });

  it('native modules are outside the archive and load (N-API: the same binaries load in Electron)', () => {
    const unpacked = path.join(packed.resources, 'app.asar.unpacked', 'node_modules');
    const sqlite = path.join(
      unpacked,
      `better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`,
    );
    expect(existsSync(sqlite)).toBe(true);
    const sqliteAddon = require(sqlite) as { Database?: unknown };
    expect(typeof sqliteAddon.Database).toBe('function');
    const hid = path.join(
      unpacked,
      'node-hid/prebuilds',
      `HID-${process.platform}-${process.arch}`,
      'node-napi-v4.node',
    );
    expect(existsSync(hid)).toBe(true);
    const hidAddon = require(hid) as { devices?: unknown };
    expect(typeof hidAddon.devices).toBe('function');
    // Only this platform's binaries ship, and none inside the archive (it cannot be loaded from there).
    const archive = path.join(packed.resources, 'app.asar');
    const inside = files.filter(
      (f) => f.endsWith('.node') && !('unpacked' in statFile(archive, f.slice(1), false)),
    );
    expect(inside).toEqual([]);
    const binaries = readdirSync(path.join(unpacked, 'better-sqlite3/prebuilds'));
    expect(binaries.every((f) => f.startsWith(`${process.platform}-`))).toBe(true);
  });

  it('app-update.yml is there for electron-updater: the generic provider and the cache folder', () => {
    const config = parse(
      readFileSync(path.join(packed.resources, 'app-update.yml'), 'utf8'),
    ) as Record<string, string>;
    expect(config).toMatchObject({ provider: 'generic', updaterCacheDirName: 'pult-updater' });
  });

  it('the fuses are flipped as electron-builder.yml sets them', async () => {
    const builder = parse(readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    const wire = await getCurrentFuseWire(packed.executable);
    const byOption: Record<string, FuseV1Options> = {
      runAsNode: FuseV1Options.RunAsNode,
      enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
      enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
      enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
      loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
      grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
    };
    for (const [option, on] of Object.entries(builder.electronFuses)) {
      const fuse = byOption[option];
      expect(fuse, option).toBeDefined();
      expect(wire[fuse ?? 0], option).toBe(on ? 0x31 : 0x30);
    }
  });

  it('the reference files, the PDF font and the Group Policy templates are beside the app', () => {
    for (const file of [
      'catalogue',
      'katottg',
      'fonts/DejaVuSans.ttf',
      'policy/Pult.admx',
      'policy/en-US/Pult.adml',
      'policy/uk-UA/Pult.adml',
    ])
      expect(existsSync(path.join(packed.resources, file)), file).toBe(true);
  });
});
