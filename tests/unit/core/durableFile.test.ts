import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurably, type DurableFs } from '../../../src-main/core/platform/durableFile';

/** The real file system, with each call written down (what was synced, and when). */
function watchedFs(failWrite = false) {
  const calls: string[] = [];
  const names = new Map<number, string>();
  const io: DurableFs = {
    openSync: ((target: string, flags: string, mode?: number) => {
      const fd = fs.openSync(target, flags, mode);
      names.set(fd, path.basename(target));
      calls.push(`open ${path.basename(target)}`);
      return fd;
    }) as DurableFs['openSync'],
    writeSync: ((fd: number, data: Uint8Array, offset: number) => {
      if (failWrite) throw new Error('ENOSPC: no space left on device');
      calls.push(`write ${names.get(fd)}`);
      return fs.writeSync(fd, data, offset);
    }) as DurableFs['writeSync'],
    fsyncSync: (fd) => {
      calls.push(`fsync ${names.get(fd)}`);
      fs.fsyncSync(fd);
    },
    closeSync: (fd) => {
      calls.push(`close ${names.get(fd)}`);
      fs.closeSync(fd);
    },
    renameSync: (from, to) => {
      calls.push(`rename ${path.basename(String(from))} -> ${path.basename(String(to))}`);
      fs.renameSync(from, to);
    },
  };
  return { io, calls };
}

describe('a durable write', () => {
  it('flushes the data before the rename and the folder after it, and leaves no partial file', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pult-durable-'));
    const file = path.join(folder, 'pult.sqlite.key');
    const { io, calls } = watchedFs();
    writeFileDurably(file, Buffer.from('wrapped key'), { mode: 0o600 }, io);
    expect(calls).toEqual([
      'open pult.sqlite.key.new',
      'write pult.sqlite.key.new',
      'fsync pult.sqlite.key.new',
      'close pult.sqlite.key.new',
      'rename pult.sqlite.key.new -> pult.sqlite.key',
      `open ${path.basename(folder)}`,
      `fsync ${path.basename(folder)}`,
      `close ${path.basename(folder)}`,
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe('wrapped key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(folder)).toEqual(['pult.sqlite.key']);
  });

  it('that fails leaves the file as it was', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pult-durable-'));
    const file = path.join(folder, 'pult.sqlite.key');
    fs.writeFileSync(file, 'the old key');
    const { io, calls } = watchedFs(true);
    expect(() => writeFileDurably(file, Buffer.from('new'), {}, io)).toThrow(/ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe('the old key');
    expect(calls).not.toContain('rename pult.sqlite.key.new -> pult.sqlite.key');
  });
});
