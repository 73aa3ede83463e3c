import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { newDatabaseKey } from '../../../src-main/core/db/encryption';
import { branchStats } from '../../../src-main/core/scripts/branchStats';
import { computeBranchStats } from '../../../src-main/core/scripts/branchStatsRunner';
import { ScriptLibrary } from '../../../src-main/core/scripts/scriptLibrary';
import { ScriptRuns } from '../../../src-main/core/scripts/scriptRuns';
import { offerScript } from '../../support/scriptFixtures';
import { openTempDatabase, tempDatabaseFile } from '../../support/tempDatabase';

let now = new Date('2026-12-06T10:00:00Z');
const clock = { now: () => now };
const tick = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
const file = tempDatabaseFile();
const key = newDatabaseKey();
let db: PultDatabase;
let versionId: number;

beforeAll(async () => {
  db = await openTempDatabase(file, { key });
  const library = new ScriptLibrary(db, clock);
  const draft = library.create(offerScript(), 'supervisor');
  if (!library.publish(draft.id, 'supervisor').published) throw new Error('not published');
  versionId = draft.id;
  const runs = new ScriptRuns(db, library, clock);
  const play = (...answers: (string | undefined)[]) => {
    const run = runs.start(versionId, { actor: 'op1' });
    for (const answer of answers) {
      tick(10);
      runs.answer(run.runId, answer);
    }
  };
  play(undefined, 'accepted');
  play(undefined, 'refused', 'price');
  play(undefined, 'refused', 'price');
  play(undefined, 'refused', 'has');
  play(undefined, 'refused'); // the client hung up while asked why
});
afterAll(async () => {
  await db.close();
});

describe('what each branch earns', () => {
  it('counts runs per node, where they stopped, how they ended and what was answered, with the time per node', () => {
    const stats = branchStats(db.sqlite, versionId);
    expect(stats).toMatchObject({ runs: 5, ended: 4 });
    const node = (id: string) => stats.nodes.find((n) => n.nodeId === id);
    expect(node('hello')).toMatchObject({ reached: 5, stoppedHere: 0, averageSeconds: 10 });
    expect(node('offer')).toMatchObject({ reached: 5, answers: { accepted: 1, refused: 4 } });
    expect(node('why')).toMatchObject({
      reached: 4,
      stoppedHere: 1,
      answers: { price: 2, has: 1 },
    });
    expect(node('sale')).toMatchObject({ reached: 1, endedHere: 1 });
    expect(node('bye')).toMatchObject({ reached: 3, endedHere: 3 });
  });

  it('are computed on a worker thread, over the encrypted base, the same as here', async () => {
    const worker = path.resolve(import.meta.dirname, '../../support/branchStatsWorker.mjs');
    expect(await computeBranchStats(worker, { file, key }, versionId)).toEqual(
      branchStats(db.sqlite, versionId),
    );
    await expect(
      computeBranchStats(worker, { file, key: newDatabaseKey() }, versionId),
    ).rejects.toThrow();
  });
});
