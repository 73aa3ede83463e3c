import { EventEmitter } from 'node:events';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent } from 'jssip/lib/UA';
import { CallRecords } from '../src-main/core/calls/callRecords';
import { CallerIdLookup } from '../src-main/core/clients/callerId';
import { openDatabase } from '../src-main/core/db/database';
import { silentLogger } from '../src-main/core/platform/ports';
import { WorkstationStatusBoard } from '../src-main/core/status/workstationStatusBoard';
import { CallController } from '../src-main/core/telephony/callController';
import type { CallView } from '../src-shared/telephony/callView';
import { LiveCallRegistry } from '../src-main/core/telephony/liveCallRegistry';
import {
  installJsSipMediaGlobals,
  MediaBridge,
} from '../src-main/core/telephony/media/mediaBridge';
import { SipRegistration } from '../src-main/core/telephony/sipRegistration';
import { HeadsetSession } from '../src-main/core/headset/headsetSession';
import { bytesFromHex, parseHidDescriptor } from '../src-main/core/headset/hidReportDescriptor';
import { telephonyLayout } from '../src-main/core/headset/telephonyLayout';
import { headsetCalls } from '../src-main/core/telephony/headsetCalls';
import { launchPult, newUserDataDir } from '../tests/e2e/support/pultApp';
import { SipPhone } from '../tests/e2e/support/sipPhone';
import { registerPult } from '../tests/e2e/support/sipSetup';
import { sharedDir, startKamailio } from '../tests/support/kamailio';
import { agentAccount } from '../tests/support/sipAccounts';
import type { Bench, Figure } from './benches';
import { startMediaPage } from './calls/mediaPage';
import { clientSheet, previewRows, startFileLoad } from './calls/fileLoad';
import { MainStallMonitor } from '../src-main/core/diagnostics/mainStallMonitor';
import { percentile, round } from './stats';

const clients = Number(process.env['PULT_BENCH_CLIENTS'] ?? 1_000_000);
const rounds = Number(process.env['PULT_BENCH_CALLS'] ?? 30);
const callerNumber = '+380671234567';

/**
 * A client base of `clients` rows written straight in SQL; the last client has
 * the caller's number and a long history (200 calls, 20 orders), as a regular
 * customer would, so the screen pop draws a full card.
 */
export async function clientBase(dir: string) {
  const db = await openDatabase(path.join(dir, 'pult.sqlite'), { logger: silentLogger });
  const now = new Date().toISOString();
  db.sqlite.transaction(() => {
    db.sqlite.prepare('UPDATE search_control SET paused = 1').run();
    db.sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO clients (id, full_name, sort_key, created_at, updated_at)
         SELECT i, 'Клієнт ' || i, 'клієнт ' || i, ?, ? FROM n`,
      )
      .run(clients, now, now);
    db.sqlite
      .prepare(
        `INSERT INTO client_phones (client_id, e164, raw)
         SELECT id, '+380' || CAST(671234567 - ? + id AS INTEGER), '' FROM clients`,
      )
      .run(clients);
    db.sqlite.prepare('UPDATE search_control SET paused = 0').run();
    // The list an export under load writes: 100,000 clients marked do-not-call.
    db.sqlite.prepare('UPDATE clients SET do_not_call = 1 WHERE id <= 100000').run();
    db.sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
         INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, answered_at,
           ended_at, talk_seconds, outcome)
         SELECT ?, 'call', CASE i % 2 WHEN 0 THEN 'inbound' ELSE 'outbound' END, ?,
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 40) || ' hours'),
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 40) || ' hours'),
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 40) || ' hours', '+3 minutes'),
           180, CASE i % 3 WHEN 0 THEN 'refused' WHEN 1 THEN 'sale' ELSE 'callback' END FROM n`,
      )
      .run(clients, callerNumber);
    db.sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
         INSERT INTO orders (uid, client_id, type_code, type_title, status, created_by, created_at, updated_at)
         SELECT lower(hex(randomblob(16))), ?, 'connection', 'Підключення послуги', 'done', 'op',
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 400) || ' hours'),
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 400) || ' hours') FROM n`,
      )
      .run(clients);
  })();
  return db;
}

// What a timeout reports, so a stuck benchmark says where it stuck.
let debugState: () => unknown = () => undefined;
const until = async (check: () => boolean, what: string, ms = 10_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(debugState())}`);
    await new Promise((r) => setTimeout(r, 2));
  }
};

// A real call through Kamailio: JsSIP in this process, WebRTC in Chromium
// (the renderer's MediaHost), the other party a plain JsSIP page.
export const callBenches: Bench[] = [
  {
    name: 'calls',
    async run(): Promise<Figure[]> {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-calls-'));
      const db = await clientBase(dir);
      // The app copies this file for its own run: everything in the main file, nothing in the WAL.
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const kamailio = await startKamailio([]);
      const media = new MediaBridge(silentLogger);
      installJsSipMediaGlobals(media);
      const browser = await startMediaPage(media);
      const callee = await SipPhone.start('callee', { autoAnswer: true });
      const caller = await SipPhone.start(callerNumber);
      const status = new WorkstationStatusBoard({ now: () => new Date() });
      const sip = new SipRegistration(status, silentLogger, { userAgent: 'Pult-bench' });
      const records = new CallRecords(db.sqlite);
      const callerId = new CallerIdLookup(db.sqlite);
      let list: CallView[] = [];
      let popAt: number | undefined;
      debugState = () => ({ list, attached: media.isAttached(), sip: status.current().sip });
      const controller = new CallController({
        media,
        database: () => Promise.resolve({ records, callerId: (n) => callerId.find(n) }),
        liveCalls: new LiveCallRegistry(),
        clock: { now: () => new Date() },
        logger: silentLogger,
        onChanged: (calls) => {
          list = calls;
          if (popAt === undefined && calls.some((c) => c.state === 'ringing' && c.client !== null))
            popAt = performance.now();
        },
      });
      let invitedAt = 0;
      let session: RTCSession | undefined;
      sip.onAgent((ua) => {
        // Heard before the controller hears it: the controller finds the caller at once.
        ua?.on('newRTCSession', (e: RTCSessionEvent) => {
          invitedAt = performance.now();
          session = e.session;
        });
        controller.useAgent(ua);
      });
      sip.start(agentAccount('ws://127.0.0.1:8080'), 'unused');
      const figures: Figure[] = [];
      try {
        await until(() => status.current().sip.state === 'registered', 'registration');
        const live = () => list.find((c) => c.state !== 'ended');
        const hangUpAll = async () => {
          const call = live();
          if (call !== undefined) controller.act({ action: 'hangup', id: call.id });
          await until(() => live() === undefined, 'the call to end');
          controller.clearEnded();
          await new Promise((r) => setTimeout(r, 50));
        };

        /**
         * Inbound calls answered `rounds` times (after 3 warm-up calls), 0.5 s into
         * ringing as an operator would: the ms from the answer to the 200 OK handed
         * to the socket, and from the INVITE to the caller's card found in main.
         */
        const answerCalls = async (answer: (id: number) => void, hangUp: (id: number) => void) => {
          const toOk: number[] = [];
          const pops: number[] = [];
          for (let i = 0; i < rounds + 3; i++) {
            popAt = undefined;
            session = undefined;
            await caller.call('sip:agent1@127.0.0.1');
            await until(() => popAt !== undefined, 'the screen pop');
            const ringing = live();
            if (ringing === undefined || session === undefined) throw new Error('no call');
            await new Promise((r) => setTimeout(r, 500));
            const accepted = new Promise<number>((resolve) =>
              session!.on('accepted', () => resolve(performance.now())),
            );
            const answerAt = performance.now();
            answer(ringing.id);
            const okAt = await accepted;
            if (i >= 3) {
              pops.push(popAt! - invitedAt);
              toOk.push(okAt - answerAt);
            }
            await until(() => live()?.state === 'active', 'the call to be up');
            hangUp(ringing.id);
            await until(() => live() === undefined, 'the call to end');
            controller.clearEnded();
            await new Promise((r) => setTimeout(r, 50));
          }
          return { toOk, pops };
        };

        // From the screen: the Answer button's action.
        const { toOk: answers, pops: mainPops } = await answerCalls(
          (id) => controller.act({ action: 'answer', id }),
          (id) => controller.act({ action: 'hangup', id }),
        );

        // From the headset: its hook, in a Jabra's real report layout.
        const hex = readFileSync(
          path.join(sharedDir, 'fixtures/hid/jabra-evolve-link-ms.desc.txt'),
          'utf8',
        );
        const layout = telephonyLayout(parseHidDescriptor(bytesFromHex(hex)));
        if (layout === undefined) throw new Error('no telephony layout');
        const device = Object.assign(new EventEmitter(), { write: () => 0 });
        new HeadsetSession(device, layout, headsetCalls(controller), silentLogger);
        const { toOk: hooks } = await answerCalls(
          () => device.emit('data', Buffer.from([2, 1, 0])),
          () => device.emit('data', Buffer.from([2, 0, 0])),
        );

        // The Answer button again, while file work runs on workers without a pause: how long
        // main's event loop is ever held (the app's own monitor), and the answers' 200 OK.
        const sheet = path.join(dir, 'clients-200k.xlsx');
        await clientSheet(sheet);
        const stallMonitor = new MainStallMonitor(silentLogger, {
          reportAboveMs: Number.POSITIVE_INFINITY,
          windowMs: 24 * 3600_000,
        }).start();
        const load = startFileLoad({
          dir,
          sheet,
          database: { file: path.join(dir, 'pult.sqlite') },
        });
        await new Promise((r) => setTimeout(r, 1000));
        const { toOk: loadedAnswers } = await answerCalls(
          (id) => controller.act({ action: 'answer', id }),
          (id) => controller.act({ action: 'hangup', id }),
        );
        const stalls = stallMonitor.current();
        stallMonitor.stop();
        const fileWork = await load.stop();

        // Outbound: call() → confirmed, Pult and a plain JsSIP page, taking turns.
        const pult: number[] = [];
        const browserOnly: number[] = [];
        for (let i = 0; i < rounds + 3; i++) {
          const start = performance.now();
          const dialled = controller.dial('callee');
          if (!dialled.ok) throw new Error(dialled.error);
          await until(() => live()?.state === 'active', 'the outbound call');
          const pultMs = performance.now() - start;
          await hangUpAll();
          const plainMs = await caller.timedCall('sip:callee@127.0.0.1');
          await caller.hangup();
          await new Promise((r) => setTimeout(r, 100));
          if (i >= 3) {
            pult.push(pultMs);
            browserOnly.push(plainMs);
          }
        }
        // What one request costs this harness (a CDP round trip), where Electron has its IPC.
        const trips: number[] = [];
        for (let i = 0; i < 50; i++) {
          const start = performance.now();
          await media.request(1_000_000 + i, { op: 'close' });
          trips.push(performance.now() - start);
        }
        const pops = await screenPopsInTheApp(dir, caller);
        const p50 = (s: number[]) => percentile(s, 50);
        figures.push(
          {
            name: 'screenPop.p95Ms',
            value: round(percentile(pops, 95)),
            unit: `ms (INVITE sent by the caller → the card on screen in the app, ${clients} clients)`,
            n: pops.length,
          },
          {
            name: 'screenPop.p50Ms',
            value: round(percentile(pops, 50)),
            unit: 'ms (the same, median)',
            n: pops.length,
          },
          {
            name: 'screenPop.mainP95Ms',
            value: round(percentile(mainPops, 95)),
            unit: 'ms (in main: INVITE → the caller found and sent to the window)',
            n: mainPops.length,
          },
          {
            name: 'answer.to200ok.p95Ms',
            value: round(percentile(answers, 95)),
            unit: 'ms (answer 0.5 s into ringing → 200 OK sent, media in Chromium)',
            n: answers.length,
          },
          {
            name: 'main.maxStallMs',
            value: round(stalls.longestMs),
            unit: `ms (longest hold of main's event loop while a ${previewRows}-row XLSX was previewed ${fileWork.previews} times and ${fileWork.exportedRows} clients exported to XLSX ${fileWork.exports} times, on workers, and ${loadedAnswers.length + 3} calls answered; ${clients} clients)`,
            n: loadedAnswers.length + 3,
          },
          {
            name: 'answer.to200ok.underFileLoad.p95Ms',
            value: round(percentile(loadedAnswers, 95)),
            unit: 'ms (the same answers as answer.to200ok, during that file work)',
            n: loadedAnswers.length,
          },
          {
            name: 'hid.hookTo200ok.p95Ms',
            value: round(percentile(hooks, 95)),
            unit: 'ms (off-hook report 0.5 s into ringing → 200 OK sent)',
            n: hooks.length,
          },
          {
            name: 'calls.bridgeRoundTripP50Ms',
            value: round(p50(trips)),
            unit: 'ms (one media request main → Chromium → main, this harness)',
            n: trips.length,
          },
          {
            name: 'callSetup.pultP50Ms',
            value: round(p50(pult)),
            unit: 'ms (dial → confirmed)',
            n: pult.length,
          },
          {
            name: 'callSetup.browserJssipP50Ms',
            value: round(p50(browserOnly)),
            unit: 'ms (call() → confirmed)',
            n: browserOnly.length,
          },
          {
            name: 'callSetup.ratioToBrowserJssip',
            value: round(p50(pult) / p50(browserOnly), 2),
            unit: 'ratio of medians',
            n: pult.length,
          },
        );
      } finally {
        sip.stop();
        await caller.stop();
        await callee.stop();
        await browser.close();
        await kamailio.stop();
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      }
      return figures;
    },
  },
];

/**
 * The screen pop as the operator sees it: the whole app (the e2e host on
 * Chromium) over the same client base, registered as agent2; the time from the
 * caller's INVITE leaving to the caller's card on screen.
 */
async function screenPopsInTheApp(baseDir: string, caller: SipPhone): Promise<number[]> {
  const root = path.resolve(import.meta.dirname, '..');
  if (!existsSync(path.join(root, 'dist/main/main.js')))
    spawnSync('npm', ['run', '--silent', 'bundle'], { cwd: root, stdio: 'ignore' });
  const userDataDir = newUserDataDir();
  copyFileSync(path.join(baseDir, 'pult.sqlite'), path.join(userDataDir, 'pult.sqlite'));
  const app = await launchPult({ userDataDir });
  const samples: number[] = [];
  try {
    const page = await app.firstWindow();
    await registerPult(page, 'agent2', 'unused');
    const name = `Клієнт ${clients}`;
    await page.evaluate((wanted) => {
      const w = window as unknown as { popAt?: number };
      new MutationObserver(() => {
        const shown = document.querySelector('[data-testid="client-card-name"]')?.textContent;
        if (w.popAt === undefined && shown === wanted) w.popAt = Date.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, name);
    for (let i = 0; i < Math.min(rounds, 20) + 2; i++) {
      await page.getByTestId('nav-calls').click();
      await page.evaluate(() => {
        (window as unknown as { popAt?: number }).popAt = undefined;
      });
      const sentBefore = (await caller.events()).filter((e) => e.type === 'sending').length;
      await caller.call('sip:agent2@127.0.0.1');
      await page.waitForFunction(
        () => (window as unknown as { popAt?: number }).popAt !== undefined,
      );
      const popAt = await page.evaluate(() => (window as unknown as { popAt: number }).popAt);
      const sent = (await caller.events()).filter((e) => e.type === 'sending')[sentBefore];
      if (i >= 2 && sent?.at !== undefined) samples.push(popAt - sent.at);
      await caller.hangup();
      await page.locator('[data-testid="call"][data-state="ended"]').waitFor();
      await page.getByTestId('calls-clear-ended').click();
    }
  } finally {
    await app.close();
  }
  return samples;
}
