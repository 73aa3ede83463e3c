import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClientCardReader } from '../../src-main/core/clients/clientCard';
import { ClientEditor } from '../../src-main/core/clients/clientEditor';
import { workstationDatabaseKey, type KeyWrapping } from '../../src-main/core/db/databaseKeyFile';
import {
  DatabaseKeyError,
  isPlainDatabaseFile,
  newDatabaseKey,
} from '../../src-main/core/db/encryption';
import { silentLogger } from '../../src-main/core/platform/ports';
import { openTempDatabase, tempDatabaseFile } from '../support/tempDatabase';

const clock = { now: () => new Date('2026-11-27T10:00:00Z') };
const secret = 'Коваленко Ірина';

/** Everything SQLite keeps of the base on disk: the file and its WAL. */
const onDisk = (file: string) =>
  Buffer.concat(
    [file, `${file}-wal`].map((f) => (existsSync(f) ? readFileSync(f) : Buffer.alloc(0))),
  );

async function baseWithClient(file: string, key?: string): Promise<number> {
  const db = await openTempDatabase(file, key === undefined ? {} : { key });
  const created = new ClientEditor(db, clock).create(
    { fullName: secret, phones: [{ raw: '0671234567' }], address: 'вул. Хрещатик, 1' },
    'op1',
  );
  await db.close();
  if (!created.ok) throw new Error('client not created');
  return created.id;
}

describe('the client base encrypted at rest', () => {
  it('is unreadable on disk, and opens with its key only', async () => {
    const file = tempDatabaseFile();
    const key = newDatabaseKey();
    const id = await baseWithClient(file, key);

    expect(isPlainDatabaseFile(file)).toBe(false);
    expect(onDisk(file).includes(Buffer.from(secret))).toBe(false);
    expect(onDisk(file).includes(Buffer.from('Хрещатик'))).toBe(false);

    const db = await openTempDatabase(file, { key });
    expect(new ClientCardReader(db.sqlite, () => 'uk').read(id)?.fullName).toBe(secret);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await db.close();
    await expect(openTempDatabase(file, { key: newDatabaseKey() })).rejects.toBeInstanceOf(
      DatabaseKeyError,
    );
    await expect(openTempDatabase(file)).rejects.toThrow(/not a database/);
  });

  it('a plain base (from before encryption) is encrypted in place on its first open with a key, nothing lost', async () => {
    const file = tempDatabaseFile();
    const id = await baseWithClient(file);
    expect(isPlainDatabaseFile(file)).toBe(true);
    expect(onDisk(file).includes(Buffer.from(secret))).toBe(true);

    const key = newDatabaseKey();
    const db = await openTempDatabase(file, { key });
    expect(new ClientCardReader(db.sqlite, () => 'uk').read(id)?.phones[0]?.e164).toBe(
      '+380671234567',
    );
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await db.close();
    expect(isPlainDatabaseFile(file)).toBe(false);
    expect(onDisk(file).includes(Buffer.from(secret))).toBe(false);
  });
});

/** The OS's key, as safeStorage gives it: here a reversible wrapping with a marker. */
function wrapping(available = true): KeyWrapping & { wrapped: number } {
  const w = {
    wrapped: 0,
    available: () => Promise.resolve(available),
    weak: () => false,
    wrap: (plain: string) => {
      w.wrapped++;
      return Promise.resolve(Buffer.from(`os:${Buffer.from(plain).reverse().toString('hex')}`));
    },
    unwrap: (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('os:')) return Promise.reject(new Error('not ours'));
      return Promise.resolve(Buffer.from(text.slice(3), 'hex').reverse().toString());
    },
  };
  return w;
}

describe("the workstation's database key", () => {
  it('is made on the first start, kept wrapped next to the base, and the same on the next start', async () => {
    const file = tempDatabaseFile();
    const os = wrapping();
    const key = await workstationDatabaseKey(file, os, silentLogger);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(`${file}.key`).includes(Buffer.from(key!))).toBe(false);
    expect(await workstationDatabaseKey(file, os, silentLogger)).toBe(key);
    expect(os.wrapped).toBe(1);
  });

  it('without an OS key to wrap it with, there is none: the base stays plain', async () => {
    const file = tempDatabaseFile();
    expect(await workstationDatabaseKey(file, wrapping(false), silentLogger)).toBeUndefined();
    expect(existsSync(`${file}.key`)).toBe(false);
  });

  it('an encrypted base whose key file is gone, or no longer unwraps, is refused; no new key is made for it', async () => {
    const file = tempDatabaseFile();
    const os = wrapping();
    const key = await workstationDatabaseKey(file, os, silentLogger);
    await baseWithClient(file, key);

    writeFileSync(`${file}.key`, 'wrapped by another account');
    await expect(workstationDatabaseKey(file, os, silentLogger)).rejects.toBeInstanceOf(
      DatabaseKeyError,
    );
    rmSync(`${file}.key`);
    await expect(workstationDatabaseKey(file, os, silentLogger)).rejects.toBeInstanceOf(
      DatabaseKeyError,
    );
    expect(existsSync(`${file}.key`)).toBe(false);
    expect(os.wrapped).toBe(1);
  });
});
