import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { readScriptFile } from '../../../src-main/core/scripts/scriptFile';
import { ScriptLibrary } from '../../../src-main/core/scripts/scriptLibrary';
import { scriptGraphSchema, type ScriptGraph } from '../../../src-shared/scripts/scriptGraph';
import { openTempDatabase } from '../../support/tempDatabase';

let db: PultDatabase;
let library: ScriptLibrary;
const clock = { now: () => new Date('2026-12-06T10:00:00Z') };

beforeAll(async () => {
  db = await openTempDatabase();
  library = new ScriptLibrary(db, clock);
});
afterAll(async () => {
  await db.close();
});

const draft = (endText = 'Дякую за дзвінок!'): ScriptGraph =>
  scriptGraphSchema.parse({
    name: 'Опитування якості',
    start: 'ask',
    nodes: [
      {
        id: 'ask',
        type: 'input',
        text: 'Оцініть, будь ласка, якість зв’язку від 1 до 5.',
        variable: 'score',
        inputType: 'number',
        min: 1,
        max: 5,
        next: 'thanks',
      },
      {
        id: 'thanks',
        type: 'say',
        text: `${endText} Ваша оцінка: {{answers.score}}.`,
        next: 'end',
      },
      { id: 'end', type: 'end', outcome: 'info' },
    ],
  });

describe('script versions', () => {
  it('a draft with problems is not published, and says on which nodes', () => {
    const broken = draft();
    const ask = broken.nodes[0]!;
    if (ask.type === 'input') delete ask.inputType;
    const created = library.create(broken, 'supervisor');
    expect(created).toMatchObject({ version: 1, status: 'draft' });
    const refused = library.publish(created.id, 'supervisor');
    expect(refused).toEqual({
      published: false,
      problems: [{ nodeId: 'ask', kind: 'inputWithoutType' }],
    });
    expect(library.live(created.scriptId)).toBeUndefined();
  });

  it('published, a version never changes: an edit becomes the next version, a draft, and runs stay on the live one', () => {
    const first = library.create(draft(), 'supervisor');
    const published = library.publish(first.id, 'supervisor');
    expect(published.published).toBe(true);
    const edited = library.saveDraft(first.scriptId, draft('Гарного дня!'), 'supervisor');
    expect(edited).toMatchObject({ version: 2, status: 'draft' });
    // The live version is still the first, word for word.
    const live = library.live(first.scriptId);
    expect(live?.version).toBe(1);
    expect(JSON.stringify(live?.graph)).toContain('Дякую за дзвінок!');
    // Editing the draft again changes the draft, not a third version.
    expect(library.saveDraft(first.scriptId, draft('Усього доброго!'), 'supervisor').version).toBe(
      2,
    );
    // Even the database refuses to change or delete a published version.
    expect(() =>
      db.sqlite.prepare("UPDATE script_versions SET graph = '{}' WHERE id = ?").run(first.id),
    ).toThrow(/never changes/);
    expect(() =>
      db.sqlite.prepare('DELETE FROM script_versions WHERE id = ?').run(first.id),
    ).toThrow(/never changes/);
    expect(library.publish(edited.id, 'supervisor').published).toBe(true);
    expect(library.live(first.scriptId)?.version).toBe(2);
    expect(library.versions(first.scriptId).map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'published'],
    ]);
    const audit = db.sqlite
      .prepare("SELECT details FROM audit_events WHERE action = 'script.publish' ORDER BY id")
      .all();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});

describe('a script file', () => {
  it('is read when it is a script', () => {
    const result = readScriptFile(JSON.stringify(draft(), null, 2));
    expect(result.ok && result.graph.nodes).toHaveLength(3);
  });

  it('that is not JSON is refused with its line', () => {
    const text = JSON.stringify(draft(), null, 2).replace('"score",', '"score"');
    // The comma is found missing where the next field starts, on the line after.
    const after = text.split('\n').findIndex((l) => l.includes('"variable": "score"')) + 2;
    expect(readScriptFile(text)).toMatchObject({
      ok: false,
      line: after,
      problem: 'CommaExpected',
    });
  });

  it('with a field wrong is refused with the line and the field', () => {
    const text = JSON.stringify(draft(), null, 2).replace(
      '"inputType": "number"',
      '"inputType": "colour"',
    );
    const result = readScriptFile(text);
    expect(result).toMatchObject({ ok: false, field: 'nodes.0.inputType' });
    expect(!result.ok && text.split('\n')[result.line - 1]).toContain('"inputType": "colour"');
  });

  it('too large is refused unread', () => {
    expect(readScriptFile(' '.repeat(6 * 1024 * 1024))).toMatchObject({ ok: false, line: 1 });
  });
});
