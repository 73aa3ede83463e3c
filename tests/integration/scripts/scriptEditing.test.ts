import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { readScriptFileAt } from '../../../src-main/core/scripts/scriptFile';
import { ScriptEditing, starterScript } from '../../../src-main/core/scripts/scriptEditing';
import { ScriptLibrary } from '../../../src-main/core/scripts/scriptLibrary';
import { syncShippedScripts } from '../../../src-main/core/scripts/shippedScripts';
import { diffScripts } from '../../../src-shared/scripts/scriptDiff';
import { openTempDatabase } from '../../support/tempDatabase';
import { offerScript } from '../../support/scriptFixtures';

let now = new Date('2026-12-06T10:00:00Z');
const clock = { now: () => now };
let db: PultDatabase;
let library: ScriptLibrary;
const shipped = new Set<number>();
const editing = () =>
  new ScriptEditing({
    library,
    mayEdit: (actor) => actor === 'supervisor',
    shipped: (id) => shipped.has(id),
    departments: () => [{ name: 'Технічна підтримка' }],
    refusalReasons: () => [{ code: 'tooExpensive', label: 'Занадто дорого' }],
  });

beforeAll(async () => {
  db = await openTempDatabase();
  library = new ScriptLibrary(db, clock);
});
afterAll(async () => {
  await db.close();
});

describe('editing scripts', () => {
  it('is for whoever IT allows: the others open scripts read-only and their edits are refused', () => {
    const created = editing().create('Тест', 'supervisor');
    if (typeof created === 'string') throw new Error(created);
    expect(created.canEdit).toBe(true);
    expect(created.problems).toEqual([]);
    expect(editing().create('Ще один', 'op1')).toBe('notAllowed');
    expect(editing().open(created.scriptId, 'op1')?.canEdit).toBe(false);
    expect(editing().save(created.scriptId, starterScript('Змінено'), 'op1')).toBe('notAllowed');
    expect(editing().publish(created.scriptId, 'op1')).toBe('notAllowed');
  });

  it('keeps the problems of the draft on its nodes as it is saved, and refuses to publish until they are fixed', () => {
    const created = editing().create('Продаж', 'supervisor');
    if (typeof created === 'string') throw new Error(created);
    const broken = offerScript();
    broken.nodes = broken.nodes.filter((n) => n.id !== 'bye');
    const saved = editing().save(created.scriptId, broken, 'supervisor');
    if (typeof saved === 'string') throw new Error(saved);
    expect(saved.problems.map((p) => [p.nodeId, p.kind])).toEqual([
      ['why', 'leadsNowhere'],
      ['why', 'leadsNowhere'],
    ]);
    const refused = editing().publish(created.scriptId, 'supervisor');
    expect(typeof refused !== 'string' && refused.published).toBe(false);
    const fixed = editing().save(created.scriptId, offerScript(), 'supervisor');
    if (typeof fixed === 'string') throw new Error(fixed);
    const published = editing().publish(created.scriptId, 'supervisor');
    if (typeof published === 'string') throw new Error(published);
    expect(published.published).toBe(true);
    expect(published.view.latest).toMatchObject({ version: 1, status: 'published' });
    // An edit after publishing is version 2, a draft; version 1 is what runs start on.
    const next = editing().save(
      created.scriptId,
      { ...offerScript(), name: 'Продаж 2' },
      'supervisor',
    );
    if (typeof next === 'string') throw new Error(next);
    expect(next.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expect(library.live(created.scriptId)?.version).toBe(1);
  });

  it('publishes at a set time: checked now, live once the time has come, and not if edited meanwhile', () => {
    const created = editing().create('Акція', 'supervisor');
    if (typeof created === 'string') throw new Error(created);
    const at = new Date('2026-12-07T06:00:00Z');
    const scheduled = editing().publish(created.scriptId, 'supervisor', at);
    if (typeof scheduled === 'string') throw new Error(scheduled);
    expect(scheduled).toMatchObject({
      published: false,
      scheduled: at.toISOString(),
      problems: [],
    });
    expect(library.live(created.scriptId)).toBeUndefined();
    now = new Date('2026-12-07T06:00:01Z');
    expect(library.publishDue()).toBe(1);
    expect(library.live(created.scriptId)?.version).toBe(1);

    // Scheduled, then edited: the edit is not what was checked, so it waits for a new publish.
    editing().save(created.scriptId, starterScript('Акція 2'), 'supervisor');
    editing().publish(created.scriptId, 'supervisor', new Date('2026-12-08T06:00:00Z'));
    editing().save(created.scriptId, starterScript('Акція 3'), 'supervisor');
    now = new Date('2026-12-09T00:00:00Z');
    expect(library.publishDue()).toBe(0);
    expect(library.live(created.scriptId)?.version).toBe(1);
  });

  it('says what changed between two versions', () => {
    const before = offerScript();
    const after = offerScript();
    after.nodes = after.nodes.map((n) => (n.id === 'hello' ? { ...n, text: 'Вітаю!' } : n));
    after.nodes.push({ id: 'extra', type: 'end', outcome: 'info' });
    after.nodes = after.nodes.filter((n) => n.id !== 'sale');
    expect(diffScripts(before, after)).toEqual({
      nameChanged: false,
      startChanged: false,
      added: ['extra'],
      removed: ['sale'],
      changed: [{ nodeId: 'hello', fields: ['text'] }],
    });
  });
});

describe('scripts IT ships in a folder', () => {
  it('are published as the files say, read-only, a changed file the next version, a bad one reported with the live version kept', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'pult-shipped-'));
    const good = path.join(folder, 'тариф.json');
    writeFileSync(good, `\uFEFF${JSON.stringify({ ...offerScript(), name: 'Від ІТ' })}`);
    const bad = path.join(folder, 'зламаний.json');
    writeFileSync(
      bad,
      '{\n  "name": "Зламаний",\n  "start": "a",\n  "nodes": [{ "id": "a", "type": "say", "text": 5 }]\n}',
    );
    const latin1 = path.join(folder, 'latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    const read = async () =>
      Promise.all(
        [good, bad, latin1].map(async (file) => ({ file, result: await readScriptFileAt(file) })),
      );

    const first = syncShippedScripts(library, await read());
    expect(first.scriptIds.size).toBe(1);
    expect(first.problems).toEqual([
      { file: bad, line: 4, field: 'nodes.0.text', problem: expect.any(String) as string },
      { file: latin1, line: 1, field: '', problem: 'not UTF-8 text' },
    ]);
    const [id] = [...first.scriptIds];
    expect(library.live(id!)?.version).toBe(1);
    for (const shippedId of first.scriptIds) shipped.add(shippedId);
    expect(editing().open(id!, 'supervisor')?.canEdit).toBe(false);
    expect(editing().save(id!, starterScript('x'), 'supervisor')).toBe('readOnly');

    // Read again unchanged: nothing new. Changed: the next version, published.
    syncShippedScripts(library, await read());
    expect(library.versions(id!)).toHaveLength(1);
    const changed = offerScript();
    changed.name = 'Від ІТ';
    changed.nodes = changed.nodes.map((n) =>
      n.id === 'hello' ? { ...n, text: 'Нова вітальна фраза' } : n,
    );
    writeFileSync(good, JSON.stringify(changed));
    syncShippedScripts(library, await read());
    expect(library.live(id!)?.version).toBe(2);
    // Changed into something that cannot be published: reported, version 2 stays live.
    changed.nodes = changed.nodes.filter((n) => n.id !== 'sale');
    writeFileSync(good, JSON.stringify(changed));
    const third = syncShippedScripts(library, await read());
    expect(third.problems.filter((p) => p.file === good).map((p) => [p.field, p.problem])).toEqual([
      ['offer', 'leadsNowhere'],
    ]);
    expect(library.live(id!)?.version).toBe(2);
  });
});
