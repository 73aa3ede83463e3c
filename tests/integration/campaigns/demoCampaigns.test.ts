import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignBook } from '../../../src-main/core/campaigns/campaignBook';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { loadDemoWorkspace } from '../../../src-main/core/demo/demoWorkspace';
import { openTempDatabase } from '../../support/tempDatabase';

let db: PultDatabase;
// A Monday at noon in Kyiv: the demo's lists are callable now where the rules allow.
const now = new Date('2026-12-07T10:00:00Z');

beforeAll(async () => {
  db = await openTempDatabase();
  loadDemoWorkspace(db.sqlite, { now: () => now }, 'demo', 2000);
});
afterAll(() => db.close());

describe('the demo’s call lists', () => {
  it('three lists, with leads in every state', () => {
    const lists = new CampaignBook(db.sqlite).list(now);
    expect(lists.map((c) => [c.name, c.purpose])).toEqual([
      ['Нагадування про оплату', 'reminder'],
      ['Опитування задоволеності', 'survey'],
      ['Тариф «Економ» тим, кому було дорого', 'sales'],
    ]);
    const [reminder, survey, reOffer] = lists;
    expect(reminder!.leads.total).toBeGreaterThan(0);
    // The survey: callable now, later (no answer), done, and every client with a phone once.
    expect(survey!.leads.dueNow).toBeGreaterThan(0);
    expect(survey!.leads.dueLater).toBeGreaterThan(0);
    expect(survey!.leads.done).toBeGreaterThan(0);
    const states = db.sqlite
      .prepare('SELECT DISTINCT state FROM leads WHERE campaign_id = ? ORDER BY state')
      .all(survey!.id)
      .map((r) => (r as { state: string }).state);
    expect(states).toEqual(['callback', 'done', 'due', 'removed']);
    // The re-offer: only those who refused as too expensive; those who never consented are held.
    expect(reOffer!.leads.total).toBeGreaterThan(0);
    expect(reOffer!.leads.held.noConsent ?? 0).toBeGreaterThan(0);
    expect(reOffer!.leads.dueNow + reOffer!.leads.dueLater).toBeGreaterThan(0);
  });
});
