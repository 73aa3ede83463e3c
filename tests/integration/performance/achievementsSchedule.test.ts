import { openTempDatabase } from '../../support/tempDatabase';
import { encryptedTempBase, testFileJobs } from '../../support/fileJobBase';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDatabase } from '../../../src-main/core/clients/fileJobs/fileJobTypes';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { loadDemoWorkspace } from '../../../src-main/core/demo/demoWorkspace';
import { mainStrings } from '../../../src-main/core/i18n/mainLocales';
import { AchievementBook } from '../../../src-main/core/performance/achievementBook';
import { SheetCalculator } from '../../../src-main/core/performance/performanceSheet';
import { DayOffRequests } from '../../../src-main/core/schedule/dayOffRequests';
import { scheduleWeek } from '../../../src-main/core/schedule/scheduleWeek';
import { addDays, localDay, weekStartOf } from '../../../src-shared/localDays';
import {
  averageScore,
  defaultAchievementKinds,
} from '../../../src-shared/performance/performancePolicy';
import { addClient } from '../../support/orderFixtures';
import { pdfText } from '../../support/pdfText';

const runner = testFileJobs('performance');
let dir: string;
let db: PultDatabase;
let database: JobDatabase;
// Wednesday 2 December 2026, 15:00 local.
const now = new Date(2026, 11, 2, 15, 0, 0);
const clock = { now: () => now };
const actor = 'op';

beforeAll(async () => {
  ({ dir, db, database } = await encryptedTempBase('performance'));
});
afterAll(async () => {
  await db.close();
});

const order = (clientId: number, at: Date, status = 'new', by = actor) =>
  Number(
    db.sqlite
      .prepare(
        `INSERT INTO orders (uid, client_id, type_code, type_title, status, created_by, created_at, updated_at)
         VALUES (lower(hex(randomblob(16))), ?, 'credit', 'Заявка на кредит', ?, ?, ?, ?)`,
      )
      .run(clientId, status, by, at.toISOString(), at.toISOString()).lastInsertRowid,
  );

describe('achievements', () => {
  it('confirms an entry an order backs, never one order for two, and says when a verdict changes', () => {
    const book = new AchievementBook(db.sqlite, clock, () => defaultAchievementKinds);
    const client = addClient(db, 'Бондаренко Оксана');
    const backing = order(client, new Date(2026, 11, 1, 10, 0));
    order(client, new Date(2026, 11, 1, 11, 0), 'new', 'colleague'); // not this operator's
    const day = { from: '2026-12-01', to: '2026-12-01' };
    const first = book.add({ day: '2026-12-01', kindCode: 'application', note: '' }, actor);
    const second = book.add({ day: '2026-12-01', kindCode: 'application', note: 'ще одна' }, actor);
    const read = () => book.sheet(day, actor, { over: 'days', count: 'all' }, 'uk').items;
    expect(read().find((a) => a.id === first)).toMatchObject({
      verdict: 'confirmed',
      backedBy: { entity: 'order', id: backing, label: 'Заявка на кредит · 2026-12-01' },
      verdictChangedAt: null,
    });
    expect(read().find((a) => a.id === second)).toMatchObject({
      verdict: 'unconfirmed',
      backedBy: null,
    });

    // The order is cancelled: its entry is no longer confirmed, and the sheet says since when.
    db.sqlite.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(backing);
    expect(read().find((a) => a.id === first)).toMatchObject({
      verdict: 'unconfirmed',
      verdictChangedAt: now.toISOString(),
    });
    const audited = db.sqlite
      .prepare(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'achievement.verdictChanged' AND entity_id = ?",
      )
      .get(first) as { n: number };
    expect(audited.n).toBe(1);

    // An order entered later that day confirms one entry (the first waiting), not both.
    const later = order(client, new Date(2026, 11, 1, 17, 0));
    const items = read();
    expect(items.filter((a) => a.verdict === 'confirmed').map((a) => a.backedBy?.id)).toEqual([
      later,
    ]);
    expect(() => book.add({ day: '2026-12-03', kindCode: 'sale', note: '' }, actor)).toThrow(
      'achievementInFuture',
    );
    expect(() => book.add({ day: '2026-12-01', kindCode: 'bonus', note: '' }, actor)).toThrow(
      'achievementKindUnknown',
    );
  });

  it('averages as the center defines it: the days, or the entries; every entry, or the confirmed', () => {
    const entries = [
      { day: '2026-12-01', points: 5, verdict: 'confirmed' as const },
      { day: '2026-12-01', points: 3, verdict: 'unconfirmed' as const },
      { day: '2026-12-02', points: 1, verdict: 'confirmed' as const },
    ];
    // Days: (5 + 3) and 1 → 4.5; confirmed only: 5 and 1 → 3.
    expect(averageScore(entries, { over: 'days', count: 'all' })).toBe(4.5);
    expect(averageScore(entries, { over: 'days', count: 'confirmed' })).toBe(3);
    // Entries: (5 + 3 + 1) / 3 = 3; confirmed only: (5 + 1) / 2 = 3.
    expect(averageScore(entries, { over: 'entries', count: 'all' })).toBe(3);
    expect(averageScore([entries[1]!], { over: 'entries', count: 'confirmed' })).toBeNull();
  });

  const exportAs = (format: 'xlsx' | 'pdf', target: string) => {
    const strings = mainStrings('uk');
    return runner.run({
      task: 'achievementsExport',
      database,
      range: { from: '2026-12-01', to: '2026-12-01' },
      file: target,
      format,
      actor,
      formula: { over: 'days', count: 'all' },
      fontFile: path.resolve('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
      strings: {
        achievementsExportHeaders: strings.achievementsExportHeaders,
        achievementsSheetName: strings.achievementsSheetName,
        achievementVerdicts: strings.achievementVerdicts,
        achievementsAverage: strings.achievementsAverage,
        achievementsReportTitle: strings.achievementsReportTitle,
      },
    });
  };

  it('exports both verdicts and the average for the supervisor, on a worker, audited', async () => {
    const target = path.join(dir, 'досягнення.xlsx');
    expect(await exportAs('xlsx', target)).toEqual({ rows: 3 });
    const sheet = await readSheet(target);
    expect(sheet[0]).toEqual(['Дата', 'Досягнення', 'Бали', 'Перевірка', 'Підстава', 'Примітка']);
    const verdicts = sheet.slice(1, 3).map((row) => row[3]);
    expect(verdicts.sort()).toEqual(['не підтверджено', 'підтверджено']);
    expect(sheet.at(-1)?.slice(1, 3)).toEqual(['Середній бал', '10.00']);
    const audit = db.sqlite
      .prepare("SELECT details FROM audit_events WHERE action = 'achievements.export'")
      .get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({
      format: 'xlsx',
      fileName: 'досягнення.xlsx',
    });
  });

  it('prints the same as a PDF whose text reads in Ukrainian', async () => {
    const target = path.join(dir, 'досягнення.pdf');
    expect(await exportAs('pdf', target)).toEqual({ rows: 2 });
    const text = await pdfText(target);
    expect(text).toContain('Досягнення оператора');
    expect(text).toContain('Успішна заявка');
    expect(text).toContain('не підтверджено');
    expect(text).toContain('Середній бал: 10.00');
    const audits = db.sqlite
      .prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'achievements.export'")
      .get() as { n: number };
    expect(audits.n).toBe(2);
  });
});

describe('day-off requests and the schedule', () => {
  it('asks for days of next week only, once a day, and keeps each request in the outbox', () => {
    const requests = new DayOffRequests(db.sqlite, clock);
    expect(requests.requestWeek()).toBe('2026-12-07');
    expect(() => requests.request({ day: '2026-12-04', reason: 'x' }, actor)).toThrow(
      'dayOffNotNextWeek',
    );
    expect(() => requests.request({ day: '2026-12-14', reason: 'x' }, actor)).toThrow(
      'dayOffNotNextWeek',
    );
    const id = requests.request({ day: '2026-12-11', reason: 'Сімейні обставини' }, actor);
    expect(() => requests.request({ day: '2026-12-11', reason: 'ще раз' }, actor)).toThrow(
      'dayOffAlreadyRequested',
    );
    expect(requests.between('2026-12-07', '2026-12-13', actor)).toEqual([
      expect.objectContaining({
        id,
        day: '2026-12-11',
        status: 'submitted',
        decidedBy: null,
        waitingToSend: true,
      }),
    ]);
  });

  it('reads a Windows-1251 CSV with its header lower down: shifts, breaks, days off, short-staffed days and bad rows', async () => {
    const csv = [
      'Розклад на тиждень;;;;;',
      'Оператор;Дата;Початок;Кінець;Перерви;Нестача',
      'op;07.12.2026;9:00;18:00;"13:00-13:45; 16:00-16:10";',
      'op;08.12.2026;10.00;19.00;;',
      'op;09.12.2026;вихідний;;;',
      'Петренко;07.12.2026;08:00;17:00;;',
      'op;10.12.2026;25:00;18:00;;',
      ';11.12.2026;;;;так',
      'op;31.02.2026;09:00;18:00;;',
    ].join('\r\n');
    const file = path.join(dir, 'розклад.csv');
    writeFileSync(file, iconv.encode(csv, 'win1251'));
    const read = await runner.run({ task: 'scheduleLoad', database, file, source: 'розклад.csv' });
    expect(read).toEqual({
      shifts: 3,
      shortStaffedDays: 1,
      problems: [
        { line: 7, problem: 'time' },
        { line: 9, problem: 'day' },
      ],
    });
    const week = scheduleWeek(db.sqlite, new DayOffRequests(db.sqlite, clock), '2026-12-07', {
      actor,
      names: [],
    });
    expect(week.source).toMatchObject({ file: 'розклад.csv' });
    expect(week.days.map((d) => d.shift)).toEqual([
      {
        from: '09:00',
        to: '18:00',
        breaks: [
          { from: '13:00', to: '13:45' },
          { from: '16:00', to: '16:10' },
        ],
      },
      { from: '10:00', to: '19:00', breaks: [] },
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(week.days.map((d) => d.shortStaffed)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    // The request made above is on its day, still waiting to be sent.
    expect(week.days[4]?.requests).toEqual([
      expect.objectContaining({ status: 'submitted', waitingToSend: true }),
    ]);
    // Петренко's shift is found by the operator's name as the schedule writes it.
    const named = scheduleWeek(db.sqlite, new DayOffRequests(db.sqlite, clock), '2026-12-07', {
      actor: 'o.petrenko',
      names: ['петренко'],
    });
    expect(named.days[0]?.shift).toMatchObject({ from: '08:00', to: '17:00' });
  });

  it('reads an XLSX whose times are Excel times, and refuses a file with no schedule columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Розклад');
    sheet.addRow(['Operator', 'Date', 'Start', 'End']);
    // Excel keeps a time alone as a fraction of a day; ExcelJS reads it as a date in 1899.
    sheet.addRow(['op', new Date(Date.UTC(2026, 11, 14)), 0.375, 0.75]);
    sheet.getCell('C2').numFmt = 'hh:mm';
    sheet.getCell('D2').numFmt = 'hh:mm';
    const file = path.join(dir, 'schedule.xlsx');
    await workbook.xlsx.writeFile(file);
    await runner.run({ task: 'scheduleLoad', database, file, source: 'schedule.xlsx' });
    const week = scheduleWeek(db.sqlite, new DayOffRequests(db.sqlite, clock), '2026-12-14', {
      actor,
      names: [],
    });
    expect(week.days[0]?.shift).toEqual({ from: '09:00', to: '18:00', breaks: [] });

    const wrong = path.join(dir, 'clients.csv');
    writeFileSync(wrong, 'ПІБ;Телефон\nІваненко;0671234567\n');
    await expect(
      runner.run({ task: 'scheduleLoad', database, file: wrong, source: 'clients.csv' }),
    ).rejects.toThrow('scheduleColumnsMissing');
  });
});

describe('the demo workspace', () => {
  it('fills the sheet on first start: a year of calls and states, targets, achievements, a schedule and requests', async () => {
    const demoDb = await openTempDatabase();
    try {
      const demoNow = new Date(2026, 11, 2, 15, 0, 0);
      loadDemoWorkspace(demoDb.sqlite, { now: () => demoNow }, actor, 1500);
      const today = localDay(demoNow);
      const sheet = new SheetCalculator(demoDb.sqlite).sheet(
        { from: '2026-11-01', to: '2026-11-30' },
        {
          actor,
          language: 'uk',
          callbackGraceMinutes: 15,
          defaultShift: { from: '09:00', to: '18:00' },
          scheduleNames: [],
          now: demoNow,
        },
      );
      expect(sheet.figures.callsHandled).toBeGreaterThan(50);
      expect(sheet.figures.readySeconds).toBeGreaterThan(3600);
      expect(sheet.figures.occupancy).toBeGreaterThan(0);
      expect(sheet.figures.conversion).toBeGreaterThan(0);
      expect(sheet.targets.map((t) => t.metric).sort()).toEqual([
        'ahtSeconds',
        'callsHandled',
        'conversion',
        'offersAccepted',
      ]);
      expect(sheet.weeks.filter((w) => w.callsHandled > 0).length).toBeGreaterThan(8);
      const achievements = new AchievementBook(
        demoDb.sqlite,
        { now: () => demoNow },
        () => defaultAchievementKinds,
      ).sheet(
        { from: addDays(today, -27), to: today },
        actor,
        { over: 'days', count: 'all' },
        'uk',
      );
      const verdicts = new Set(achievements.items.map((a) => a.verdict));
      expect(verdicts).toEqual(new Set(['confirmed', 'unconfirmed']));
      const requests = new DayOffRequests(demoDb.sqlite, { now: () => demoNow });
      const statuses = requests
        .between(addDays(today, -30), addDays(today, 14), actor)
        .map((r) => r.status);
      expect(new Set(statuses)).toEqual(new Set(['submitted', 'approved', 'rejected']));
      const week = scheduleWeek(demoDb.sqlite, requests, addDays(weekStartOf(today), 7), {
        actor,
        names: [],
      });
      expect(week.days.filter((d) => d.shift !== null)).toHaveLength(5);
      expect(week.days.some((d) => d.shortStaffed)).toBe(true);
    } finally {
      await demoDb.close();
    }
  });
});
