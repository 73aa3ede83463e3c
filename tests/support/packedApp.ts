import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { parse } from 'yaml';

const repo = path.resolve(import.meta.dirname, '../..');
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The fuse wire Electron 45's binary ships with (FuseV1, eight fuses, '1' on
 * and '0' off, in FuseV1Options order): run-as-node, Node options, the
 * inspector and file:// privileges on; cookie encryption, asar integrity,
 * asar-only and the browser V8 snapshot off. electron-builder flips it to
 * electron-builder.yml's electronFuses.
 */
const electronDefaultWire: Record<FuseV1Options, boolean> = {
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: true,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

/**
 * A stand-in for Electron's unpacked runtime (its binary cannot be downloaded
 * here): an executable that carries the fuse wire where Electron's binary
 * carries it, so electron-builder packs the app around it and flips its fuses
 * exactly as it does for the real one.
 */
function standInRuntime(dir: string, electronVersion: string): string {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const fuses = Object.values(FuseV1Options)
    .filter((v): v is FuseV1Options => typeof v === 'number')
    .map((fuse) => (electronDefaultWire[fuse] ? 0x31 : 0x30));
  writeFileSync(
    path.join(dir, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in Electron runtime"\n'),
      Buffer.from(sentinel),
      Buffer.from([1, fuses.length, ...fuses]),
    ]),
  );
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), electronVersion);
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  return dir;
}

export interface PackedApp {
  /** linux-unpacked/: the runtime, and resources/ with app.asar, app.asar.unpacked and the extra resources. */
  appDir: string;
  resources: string;
  /** The stand-in runtime's executable as electron-builder named and fused it. */
  executable: string;
  electronVersion: string;
  buildMs: number;
  /** Removes the build (some 60 MB). */
  dispose(): void;
}

/**
 * `npm run dist`'s unpacked Linux build (electron-builder --dir) from the
 * bundle in dist/, with electron-builder.yml as it is, around a stand-in
 * runtime. Needs `npm run bundle` first.
 */
export async function packUnpackedApp(): Promise<PackedApp> {
  if (!existsSync(path.join(repo, 'dist/main/main.js')))
    throw new Error('dist/ is missing: run `npm run bundle` first');
  const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const electronVersion = lock.packages['node_modules/electron']?.version ?? '45.0.0';
  const work = mkdtempSync(path.join(os.tmpdir(), 'pult-pack-'));
  const config = parse(readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  > & { directories?: Record<string, string> };
  const started = performance.now();
  // The whole configuration in one file of its own: given as an object, electron-builder would
  // also read electron-builder.yml and merge the two, listing each extra resource twice.
  const configFile = path.join(work, 'electron-builder.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      ...config,
      electronDist: standInRuntime(path.join(work, 'runtime'), electronVersion),
      electronVersion,
      directories: { ...config.directories, output: path.join(work, 'release') },
    }),
  );
  await build({
    projectDir: repo,
    targets: Platform.LINUX.createTarget('dir'),
    config: configFile,
  });
  const appDir = path.join(work, 'release', 'linux-unpacked');
  return {
    appDir,
    resources: path.join(appDir, 'resources'),
    executable: path.join(appDir, 'pult'),
    electronVersion,
    buildMs: performance.now() - started,
    dispose: () => rmSync(work, { recursive: true, force: true }),
  };
}
