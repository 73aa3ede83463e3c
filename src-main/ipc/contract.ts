import { z } from 'zod';
import { installAnswerSchema, updateViewSchema } from '../../src-shared/updates/updateView';
import { syncPasswordSchema, syncViewSchema } from '../../src-shared/sync/syncView';
import {
  decideDayOffSchema,
  helpViewSchema,
  peerRangeViewSchema,
  resolveClashSchema,
  supervisorAskSchema,
  supervisorViewSchema,
  teamCallbackViewSchema,
} from '../../src-shared/sync/supervisorView';
import {
  buildSummarySchema,
  campaignCreateSchema,
  campaignViewSchema,
  leadSourceSchema,
} from '../../src-shared/campaigns/campaignView';
import {
  callTimeSetSchema,
  callTimeViewSchema,
  consentSetSchema,
  consentViewSchema,
} from '../../src-shared/campaigns/clientCallRules';
import {
  outboundCallbackSchema,
  outboundRemoveSchema,
  outboundSkipSchema,
  outboundStartSchema,
  outboundViewSchema,
} from '../../src-shared/campaigns/outboundView';
import { revealedDetailsSchema, revealRequestSchema } from '../../src-shared/clients/personalData';
import { workstationStatusSchema } from '../../src-shared/status/workstationStatusSchema';
import {
  settingsPatchSchema,
  settingsViewSchema,
} from '../../src-shared/settings/userSettingsSchema';
import type { EventChannel, InvokeChannel } from './channels';
import {
  clientCardSchema,
  clientPageSchema,
  clientQuerySchema,
  clientSaveResultSchema,
} from '../../src-shared/clients/clientSchemas';
import { clientDraftWireSchema } from '../../src-shared/clients/clientWireSchemas';
import {
  agentStateViewSchema,
  selectableNotReadyReasons,
} from '../../src-shared/agent/agentStateView';
import {
  sipAccountSchema,
  sipAccountViewSchema,
  sipConnectionTestSchema,
} from '../../src-shared/telephony/sipAccountSchema';
import { importFields } from '../../src-shared/clients/columnMapping';
import { callActionSchema, callViewSchema } from '../../src-shared/telephony/callView';
import { dispositions, wrapUpSchema } from '../../src-shared/calls/wrapUpSchema';
import {
  mediaEventSchema,
  mediaRequestSchema,
  mediaResponseSchema,
} from '../../src-shared/telephony/mediaBridgeSchema';
import {
  branchStatsSchema,
  publishProblemSchema,
  scriptEditorViewSchema,
} from '../../src-shared/scripts/scriptEditorView';
import { scriptGraphSchema } from '../../src-shared/scripts/scriptGraph';
import { orderValuesSchema } from '../../src-shared/orders/orderValues';
import {
  complaintKindSchema,
  complaintViewSchema,
  fieldProblemSchema,
  knowledgeHitSchema,
  orderCatalogueViewSchema,
  orderDraftViewSchema,
  orderListItemSchema,
  orderQuerySchema,
  orderStatusSchema,
  orderSubmitResultSchema,
  settlementHitSchema,
} from '../../src-shared/orders/orderViews';
import {
  runProblems,
  runSummarySchema,
  scriptListingSchema,
  scriptRunViewSchema,
} from '../../src-shared/scripts/scriptRunView';
import {
  drillableMetricSchema,
  drillResultSchema,
  performanceSheetSchema,
  sheetRangeSchema,
} from '../../src-shared/performance/sheetView';
import {
  achievementInputSchema,
  achievementSheetSchema,
  dayOffInputSchema,
  dayOffRequestViewSchema,
  scheduleWeekSchema,
} from '../../src-shared/performance/achievementViews';
import {
  importFileProblemSchema,
  importProgressSchema,
  importRowErrorSchema,
  importSettingsSchema,
} from '../../src-shared/clients/importSchemas';

/**
 * The one IPC contract between main and renderer. Each invoke channel has the
 * request main accepts and the response it returns; each event channel (main →
 * renderer) has its payload. Main validates every request against it before a
 * handler runs; the renderer's client and the preload are typed from it.
 */

const noRequest = z.undefined();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
});

const id = z.number().int().positive();
/** A draft's (and its order's) uid: a UUIDv7 made in main. */
const uid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

const callbackItemSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  dueAt: z.string(),
  note: z.string(),
});

export const workspaceStateSchema = z.object({
  hasClients: z.boolean(),
  /** The empty base offers the demo workspace until the operator loads it or says no. */
  offerDemo: z.boolean(),
});

export const importPreviewSchema = z.object({
  token: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  format: importSettingsSchema.shape.format,
  encoding: importSettingsSchema.shape.encoding,
  delimiter: importSettingsSchema.shape.delimiter,
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: z.array(z.enum(importFields).nullable()),
  /** The file cannot be imported as it is; the preview says why instead of showing no rows. */
  problem: importFileProblemSchema.optional(),
});

const dispositionGroupsSchema = z.array(
  z.object({ group: z.enum(['talked', 'noContact']), items: z.array(z.enum(dispositions)) }),
);

const callLogEntrySchema = z.object({
  interactionId: z.number().int(),
  direction: z.enum(['inbound', 'outbound']),
  remoteNumber: z.string(),
  clientId: z.number().int().nullable(),
  clientName: z.string().nullable(),
  offeredAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  talkSeconds: z.number(),
  endCause: z.string().nullable(),
  missed: z.boolean(),
});

export const invokeContract = {
  'app.info': { request: noRequest, response: appInfoSchema },
  /** How long main's event loop, which answers calls, has been held (MainStallMonitor). */
  'app.diagnostics': {
    request: noRequest,
    response: z.object({
      mainLongestStallMs: z.number(),
      mainRecentStallMs: z.number(),
      mainStallWindows: z.number().int(),
    }),
  },
  'settings.get': { request: noRequest, response: settingsViewSchema },
  'settings.update': { request: settingsPatchSchema, response: settingsViewSchema },
  'status.get': { request: noRequest, response: workstationStatusSchema },
  'links.openExternal': {
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  'workspace.state': { request: noRequest, response: workspaceStateSchema },
  'workspace.loadDemo': {
    request: noRequest,
    response: z.object({
      clients: z.number(),
      interactions: z.number(),
      orders: z.number(),
      complaints: z.number(),
    }),
  },
  'workspace.dismissDemo': { request: noRequest, response: workspaceStateSchema },
  'clients.find': { request: clientQuerySchema, response: clientPageSchema },
  'clients.card': { request: z.object({ id }).strict(), response: clientCardSchema.nullable() },
  'clients.create': { request: clientDraftWireSchema, response: clientSaveResultSchema },
  /** The card's masked details in full, for a reason (audited). */
  'clients.reveal': { request: revealRequestSchema, response: revealedDetailsSchema },
  'clients.update': {
    request: z.object({ id, draft: clientDraftWireSchema }).strict(),
    response: clientSaveResultSchema,
  },
  'clients.export': {
    request: z.object({ query: clientQuerySchema, format: z.enum(['csv', 'xlsx']) }).strict(),
    response: z.object({
      saved: z.boolean(),
      rows: z.number().int(),
      /** The operator stopped it; no file is left. */
      cancelled: z.boolean().optional(),
    }),
  },
  'clients.cancelExport': { request: noRequest, response: z.object({ cancelled: z.boolean() }) },
  'import.chooseFile': {
    request: noRequest,
    response: z.discriminatedUnion('chosen', [
      /** No file chosen, or its reading stopped by the operator (cancelled). */
      z.object({ chosen: z.literal(false), cancelled: z.boolean().optional() }),
      z.object({ chosen: z.literal(true), preview: importPreviewSchema }),
    ]),
  },
  /** Stops the reading of a chosen file (a large spreadsheet takes seconds to check). */
  'import.cancelPreview': { request: noRequest, response: z.object({ cancelled: z.boolean() }) },
  'import.start': {
    request: z.object({ token: z.string().max(100), settings: importSettingsSchema }).strict(),
    response: z.object({ jobId: z.number().int() }),
  },
  'import.cancel': {
    request: z.object({ jobId: id }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'import.errors': {
    request: z.object({ jobId: id }).strict(),
    response: z.object({ errors: z.array(importRowErrorSchema), total: z.number().int() }),
  },
  'import.saveReport': {
    request: z.object({ jobId: id }).strict(),
    response: z.object({ saved: z.boolean() }),
  },
  'sip.account.get': { request: noRequest, response: sipAccountViewSchema },
  'sip.account.save': {
    request: z
      .object({ account: sipAccountSchema, password: z.string().max(200).optional() })
      .strict(),
    response: sipAccountViewSchema,
  },
  'sip.testConnection': {
    request: z
      .object({ account: sipAccountSchema, password: z.string().max(200).optional() })
      .strict(),
    response: sipConnectionTestSchema,
  },
  'agent.get': { request: noRequest, response: agentStateViewSchema },
  /** The Not Ready reasons and wrap-up outcomes this center offers (IT's policy). */
  'work.lists': {
    request: noRequest,
    response: z.object({
      notReadyReasons: z.array(z.enum(selectableNotReadyReasons)),
      dispositions: dispositionGroupsSchema,
    }),
  },
  'agent.set': {
    request: z.discriminatedUnion('state', [
      z.object({ state: z.literal('ready') }).strict(),
      z
        .object({ state: z.literal('notReady'), reason: z.enum(selectableNotReadyReasons) })
        .strict(),
    ]),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), view: agentStateViewSchema }),
      z.object({ ok: z.literal(false), error: z.enum(['notAllowed', 'wrapUpIncomplete']) }),
    ]),
  },
  'callbacks.mine': {
    request: noRequest,
    response: z.object({
      overdue: z.array(callbackItemSchema),
      today: z.array(callbackItemSchema),
      later: z.array(callbackItemSchema),
    }),
  },
  'callbacks.create': {
    request: z
      .object({ clientId: id, dueAt: z.iso.datetime({ offset: true }), note: z.string().max(500) })
      .strict(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), id: z.number().int() }),
      z.object({ ok: z.literal(false), error: z.enum(['notFound', 'past']) }),
    ]),
  },
  'callbacks.cancel': {
    request: z.object({ id }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'callbacks.reschedule': {
    request: z.object({ id, dueAt: z.iso.datetime({ offset: true }) }).strict(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), error: z.enum(['notFound', 'past']) }),
    ]),
  },
  /** The operator answered "I am here" to the idle question. */
  'agent.present': { request: noRequest, response: z.object({ ok: z.literal(true) }) },
  'calls.list': { request: noRequest, response: z.array(callViewSchema) },
  /** The department lines IT configured, for transfers. */
  'calls.departments': {
    request: noRequest,
    response: z.array(z.object({ name: z.string(), number: z.string() })),
  },
  /** The telephony headsets plugged in now (gaming headsets are never listed). */
  'headset.list': {
    request: noRequest,
    response: z.array(z.object({ id: z.string(), product: z.string(), claimed: z.boolean() })),
  },
  'wrapUp.pending': {
    request: noRequest,
    response: z
      .object({
        interactionId: z.number().int(),
        remoteNumber: z.string(),
        clientName: z.string().nullable(),
        direction: z.string(),
        reasons: z.array(z.object({ code: z.string(), label: z.string() })),
        /** Time-boxed wrap-up: when it ends, and what happens then. */
        deadline: z.string().nullable(),
        whenTimeUp: z.enum(['ready', 'stay']),
        dispositions: dispositionGroupsSchema,
        /** What the call's script, ended on an end node, proposes; the operator may change it. */
        suggested: z
          .object({
            disposition: z.enum(dispositions).nullable(),
            refusalReason: z.string().nullable(),
          })
          .nullable(),
      })
      .nullable(),
  },
  'wrapUp.finish': {
    request: wrapUpSchema.omit({ interactionId: true }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({
        ok: z.literal(false),
        fieldErrors: z.partialRecord(
          z.enum(['disposition', 'refusalReason', 'callbackAt', 'interactionId']),
          z.string(),
        ),
      }),
    ]),
  },
  'calls.act': {
    request: callActionSchema,
    // Not done: the call has moved on (ended, not yet answered), or a transfer's number is no number.
    response: z.discriminatedUnion('done', [
      z.object({ done: z.literal(true) }),
      z.object({ done: z.literal(false), reason: z.enum(['notNow', 'invalidNumber']) }),
    ]),
  },
  'calls.dial': {
    request: z.union([
      z.object({ number: z.string().min(1).max(40) }).strict(),
      /** A number on a (masked) card, by its place there: main dials what the base holds. */
      z.object({ clientId: id, phone: z.number().int().min(0).max(9) }).strict(),
      /** The number of a call in today's log, which shows it masked. */
      z.object({ interactionId: id }).strict(),
    ]),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), id: z.number().int() }),
      z.object({
        ok: z.literal(false),
        error: z.enum(['notRegistered', 'noAudioWindow', 'invalidNumber']),
      }),
    ]),
  },
  'calls.log': { request: noRequest, response: z.array(callLogEntrySchema) },
  'calls.clearEnded': { request: noRequest, response: z.object({ ok: z.literal(true) }) },
  /** The center's scripts, each with its live (published) version and its latest. */
  'scripts.list': { request: noRequest, response: z.array(scriptListingSchema) },
  /**
   * The run of a call: the one already started on it, else one of the script
   * IT's policy gives the call's line (null: the operator picks a script).
   */
  'scripts.forCall': {
    request: z.object({ interactionId: id }).strict(),
    response: z.object({ run: scriptRunViewSchema.nullable() }),
  },
  'scripts.start': {
    request: z
      .object({ scriptId: id, interactionId: id.optional(), clientId: id.optional() })
      .strict(),
    response: scriptRunViewSchema,
  },
  'scripts.run': { request: z.object({ runId: id }).strict(), response: scriptRunViewSchema },
  /** On from the current node: a choice, an input's value, an offer's answer, or nothing for a text. */
  'scripts.answer': {
    request: z
      .object({
        runId: id,
        value: z.string().max(1000).optional(),
        /** The step answered, as the runner showed it: a run that has gone on from it is not answered. */
        at: z.string().max(64).optional(),
      })
      .strict(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), run: scriptRunViewSchema }),
      z.object({ ok: z.literal(false), problem: z.enum(runProblems) }),
    ]),
  },
  /** Back to the node shown before; recorded, and no answer is erased. */
  'scripts.back': { request: z.object({ runId: id }).strict(), response: scriptRunViewSchema },
  /** The script finished before its end (where IT's policy allows). */
  'scripts.finish': { request: z.object({ runId: id }).strict(), response: scriptRunViewSchema },
  /** The operator's runs not ended (a reload, a kill, a call cut off), newest first. */
  'scripts.unfinished': { request: noRequest, response: z.array(runSummarySchema) },
  /** A client's runs with their answers, newest first. */
  'scripts.ofClient': {
    request: z.object({ clientId: id }).strict(),
    response: z.array(runSummarySchema),
  },
  /** A script in the editor: its latest version, its versions, and what stands in the way of publishing. */
  'scripts.editor.open': {
    request: z.object({ scriptId: id }).strict(),
    response: scriptEditorViewSchema,
  },
  'scripts.editor.create': {
    request: z.object({ name: z.string().normalize('NFC').trim().min(1).max(200) }).strict(),
    response: scriptEditorViewSchema,
  },
  /** The edit saved as the draft (a new one after a published version, which never changes). */
  'scripts.editor.save': {
    request: z.object({ scriptId: id, graph: scriptGraphSchema }).strict(),
    response: scriptEditorViewSchema,
  },
  /** Publishes the draft now, or at a time ahead; refused with the problems on their nodes. */
  'scripts.editor.publish': {
    request: z.object({ scriptId: id, at: z.iso.datetime({ offset: true }).optional() }).strict(),
    response: z.object({
      published: z.boolean(),
      scheduled: z.string().nullable(),
      problems: z.array(publishProblemSchema),
      view: scriptEditorViewSchema,
    }),
  },
  /** One version's graph, to compare with another. */
  'scripts.editor.version': {
    request: z.object({ versionId: id }).strict(),
    response: z.object({ graph: scriptGraphSchema }),
  },
  /** A script from a JSON file: a draft of a new script, or the line and field at fault. */
  'scripts.editor.import': {
    request: noRequest,
    response: z.discriminatedUnion('imported', [
      z.object({ imported: z.literal(true), view: scriptEditorViewSchema }),
      z.object({
        imported: z.literal(false),
        cancelled: z.boolean(),
        line: z.number().int().optional(),
        field: z.string().optional(),
        problem: z.string().optional(),
      }),
    ]),
  },
  /** A try of the script's latest version (a draft as saved) with a sample client: counted nowhere. */
  'scripts.editor.testRun': {
    request: z.object({ scriptId: id }).strict(),
    response: scriptRunViewSchema,
  },
  /** What each step of a version earned over its runs, computed on a worker thread. */
  'scripts.editor.stats': {
    request: z.object({ versionId: id }).strict(),
    response: branchStatsSchema,
  },
  /** A version saved as a JSON file (audited). */
  'scripts.editor.export': {
    request: z.object({ versionId: id }).strict(),
    response: z.object({ saved: z.boolean() }),
  },
  /** The window says it serves call audio (on every load). */
  'orders.catalogue': { request: noRequest, response: orderCatalogueViewSchema },
  'orders.draft.open': {
    request: z
      .object({ typeCode: z.string().max(40), clientId: id, interactionId: id.optional() })
      .strict(),
    response: orderDraftViewSchema,
  },
  'orders.draft.get': {
    request: z.object({ uid }).strict(),
    response: orderDraftViewSchema.nullable(),
  },
  /** One change, as typed: sent on every change. */
  'orders.draft.save': {
    request: z.object({ uid, values: orderValuesSchema }).strict(),
    response: z.object({ savedAt: z.string(), clientConfirmedAt: z.string().nullable() }),
  },
  'orders.draft.confirm': {
    request: z.object({ uid }).strict(),
    response: z.union([
      z.object({ confirmedAt: z.string() }),
      z.object({ problems: z.record(z.string(), fieldProblemSchema) }),
    ]),
  },
  'orders.draft.discard': {
    request: z.object({ uid }).strict(),
    response: z.object({ discarded: z.boolean() }),
  },
  'orders.drafts': { request: noRequest, response: z.array(orderDraftViewSchema) },
  'orders.submit': {
    request: z.object({ uid, notADouble: z.boolean().default(false) }).strict(),
    response: orderSubmitResultSchema,
  },
  'orders.list': { request: orderQuerySchema, response: z.array(orderListItemSchema) },
  'orders.setStatus': {
    request: z
      .object({ id, status: orderStatusSchema, note: z.string().max(500).default('') })
      .strict(),
    response: orderListItemSchema,
  },
  /** The orders the list shows, every page, as a file the operator names; audited. */
  'orders.export': {
    request: z
      .object({
        query: orderQuerySchema.omit({ after: true, limit: true }),
        format: z.enum(['csv', 'xlsx']),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), rows: z.number().int() }),
  },
  'complaints.register': {
    request: z
      .object({
        clientId: id,
        interactionId: id.optional(),
        orderId: id.optional(),
        kind: complaintKindSchema,
        categoryCode: z.string().max(40),
        body: z.string().trim().min(1).max(5000),
        dueOn: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .strict(),
    response: complaintViewSchema,
  },
  'complaints.setStatus': {
    request: z
      .object({ id, status: z.enum(['inProgress', 'resolved']), justified: z.boolean().optional() })
      .strict(),
    response: complaintViewSchema,
  },
  'complaints.ofClient': {
    request: z.object({ clientId: id }).strict(),
    response: z.array(complaintViewSchema),
  },
  'knowledge.search': {
    request: z.object({ text: z.string().max(200) }).strict(),
    response: z.array(knowledgeHitSchema),
  },
  'knowledge.article': {
    request: z.object({ id }).strict(),
    response: z.object({ title: z.string(), body: z.string() }).nullable(),
  },
  'knowledge.offer': {
    request: z
      .object({
        kind: z.enum(['product', 'tariff', 'promotion']),
        id,
        interactionId: id,
        result: z.enum(['accepted', 'refused']),
        reasonCode: z.string().max(40).optional(),
      })
      .strict(),
    response: z.object({ offerId: id }),
  },
  'settlements.search': {
    request: z.object({ text: z.string().max(200) }).strict(),
    response: z.array(settlementHitSchema),
  },
  /** The operator's sheet for a range of days, computed on the sheet worker. */
  'performance.sheet': {
    request: z.object({ range: sheetRangeSchema }).strict(),
    response: performanceSheetSchema,
  },
  /** The calls behind a figure (newest 200), each opening its card. */
  'performance.calls': {
    request: z.object({ metric: drillableMetricSchema, range: sheetRangeSchema }).strict(),
    response: drillResultSchema,
  },
  'performance.achievements': {
    request: z.object({ range: sheetRangeSchema }).strict(),
    response: achievementSheetSchema,
  },
  'performance.addAchievement': {
    request: achievementInputSchema,
    response: z.object({ id, verdict: z.enum(['confirmed', 'unconfirmed']) }),
  },
  /** The range's achievements with the average score, as a file for the supervisor; audited. */
  'performance.exportAchievements': {
    request: z.object({ range: sheetRangeSchema, format: z.enum(['csv', 'xlsx', 'pdf']) }).strict(),
    response: z.object({ saved: z.boolean(), rows: z.number().int() }),
  },
  'schedule.week': {
    request: z.object({ weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
    response: scheduleWeekSchema,
  },
  /** The supervisors' schedule file, chosen by the operator, read on a worker. */
  'schedule.load': {
    request: noRequest,
    response: z.object({
      loaded: z.boolean(),
      shifts: z.number().int(),
      shortStaffedDays: z.number().int(),
      problems: z.array(z.object({ line: z.number().int(), problem: z.string() })),
      failure: z
        .enum(['scheduleTooLarge', 'scheduleColumnsMissing', 'scheduleEmpty', 'unreadable'])
        .nullable(),
    }),
  },
  'schedule.requestDayOff': { request: dayOffInputSchema, response: dayOffRequestViewSchema },
  /** IT's diagnostics bundle as a zip the operator saves (audio devices as the window lists them). */
  'diagnostics.save': {
    request: z
      .object({
        audioDevices: z
          .array(z.object({ kind: z.string().max(20), label: z.string().max(200) }).strict())
          .max(50),
      })
      .strict(),
    response: z.object({ saved: z.boolean() }),
  },
  /** Outbound: the campaigns and where their leads stand. */
  'campaigns.list': { request: noRequest, response: z.array(campaignViewSchema) },
  'campaigns.create': { request: campaignCreateSchema, response: z.object({ id: id }) },
  /** The center's refusal reasons, for a re-offer list ("those who refused: дорого"). */
  'campaigns.refusalReasons': {
    request: noRequest,
    response: z.array(z.object({ code: z.string(), label: z.string() })),
  },
  /** A campaign's list built from the base (or a re-offer), every calling rule checked, on a worker. */
  'campaigns.build': {
    request: z.object({ campaignId: id, source: leadSourceSchema }).strict(),
    response: buildSummarySchema,
  },
  /** A supervisor gives a list to the team: its leads are handed out by the center from then on. */
  'campaigns.share': {
    request: z.object({ campaignId: id }).strict(),
    response: z.object({ leads: z.number().int() }),
  },
  /** A client's consent to advertising calls, given or withdrawn on the card. */
  'campaigns.consent.view': {
    request: z.object({ clientId: id }).strict(),
    response: consentViewSchema,
  },
  'campaigns.consent.set': { request: consentSetSchema, response: consentViewSchema },
  /** The hours a client asked to be called in, set on the card. */
  'campaigns.callTime.view': {
    request: z.object({ clientId: id }).strict(),
    response: callTimeViewSchema,
  },
  'campaigns.callTime.set': { request: callTimeSetSchema, response: callTimeViewSchema },
  /** Team sync: the push to the center's server, where it stands and what it refused. */
  'sync.view': { request: noRequest, response: syncViewSchema },
  'sync.setPassword': { request: syncPasswordSchema, response: syncViewSchema },
  'sync.pushNow': { request: noRequest, response: syncViewSchema },
  'team.supervisor': { request: supervisorAskSchema, response: supervisorViewSchema },
  'team.decideDayOff': { request: decideDayOffSchema, response: supervisorViewSchema },
  'team.resolveClash': { request: resolveClashSchema, response: supervisorViewSchema },
  /** A supervisor publishes a script's live version, or the targets in force here, for the team. */
  'team.shareScript': {
    request: z.object({ scriptId: z.number().int().positive() }).strict(),
    response: z.object({ version: z.number().int() }),
  },
  'team.shareTargets': { request: noRequest, response: z.object({ added: z.number().int() }) },
  /** The catalogue in force here, for the team; whether the team did not have this edition yet. */
  'team.shareCatalogue': {
    request: noRequest,
    response: z.object({ version: z.string(), shared: z.boolean() }),
  },
  /** The operator's own figures this week beside the colleagues' range; null offline. */
  'team.peers': { request: noRequest, response: peerRangeViewSchema.nullable() },
  /** Colleagues' callbacks overdue past their grace, any of which this operator may take; null offline. */
  'team.openCallbacks': {
    request: noRequest,
    response: z.array(teamCallbackViewSchema).nullable(),
  },
  'team.takeCallback': { request: z.object({ uid: z.uuid() }).strict(), response: z.null() },
  /** Звернутися до старшого: the live call reaches the team's supervisors. */
  'team.askHelp': {
    request: z.object({ callId: z.number().int() }).strict(),
    response: z.object({ uid: z.string() }),
  },
  /** A supervisor answers a call for help: their line goes to the operator. */
  'team.answerHelp': { request: z.object({ uid: z.uuid() }).strict(), response: z.null() },
  /** Working a list: the session's lead, its call and what comes next. */
  'campaigns.session.view': { request: noRequest, response: outboundViewSchema },
  'campaigns.session.start': { request: outboundStartSchema, response: outboundViewSchema },
  'campaigns.session.stop': { request: noRequest, response: outboundViewSchema },
  'campaigns.session.pause': { request: noRequest, response: outboundViewSchema },
  'campaigns.session.resume': { request: noRequest, response: outboundViewSchema },
  /** Dials the lead on screen: checked again, the attempt written, then the INVITE. */
  'campaigns.session.call': { request: noRequest, response: outboundViewSchema },
  'campaigns.session.skip': { request: outboundSkipSchema, response: outboundViewSchema },
  /** Do-not-call: for this list, or (the client asked) for every advertising call. */
  'campaigns.session.remove': { request: outboundRemoveSchema, response: outboundViewSchema },
  'campaigns.session.callback': { request: outboundCallbackSchema, response: outboundViewSchema },
  /** Updates: what is running, what the ring offers, and whether it waits for the operator. */
  'updates.view': { request: noRequest, response: updateViewSchema },
  'updates.check': { request: noRequest, response: updateViewSchema },
  /** Installs the downloaded update now (refused while a call, a wrap-up or IT's window holds it). */
  'updates.installNow': { request: noRequest, response: installAnswerSchema },
  'updates.installOnQuit': { request: noRequest, response: installAnswerSchema },
  'media.attach': { request: noRequest, response: z.object({ ok: z.literal(true) }) },
  'media.respond': { request: mediaResponseSchema, response: z.object({ ok: z.literal(true) }) },
  'media.event': { request: mediaEventSchema, response: z.object({ ok: z.literal(true) }) },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  'status.changed': workstationStatusSchema,
  'settings.changed': settingsViewSchema,
  'import.progress': importProgressSchema,
  /** Clients written so far by the export that is running. */
  'clients.exportProgress': z.object({ rows: z.number().int() }),
  /** Main asks the window to show a client's card (e.g. a callback notification was clicked). */
  'ui.openClient': z.object({ clientId: z.number().int() }),
  /** Ask (or stop asking) whether the operator is still at the desk. */
  'agent.idlePrompt': z.object({ asking: z.boolean(), graceSeconds: z.number() }),
  'calls.changed': z.array(callViewSchema),
  /** A ringing call's caller, with the card to show (sent just before the calls.changed that rings). */
  'calls.screenPop': z.object({ callId: z.number().int(), card: clientCardSchema }),
  /** Main asks the window to act on its peer connection for a call. */
  'media.request': mediaRequestSchema,
  /** Records the sheet counts changed (a wrap-up saved, an offer, an order): the sheet reads again. */
  'performance.changed': z.object({ at: z.string() }),
  /** The tray asks the window for the diagnostics bundle (the window lists the audio devices). */
  'ui.saveDiagnostics': z.object({}).strict(),
  /** The update's state moved (found, downloaded, held or offered). */
  'updates.changed': updateViewSchema,
  'campaigns.session.changed': outboundViewSchema,
  'sync.changed': syncViewSchema,
  /** Calls for help from the team's feed: to a supervisor, a colleague asking; to the operator, the answer. */
  'team.help': z.array(helpViewSchema),
  /** Clients a colleague changed, landed here by team sync: the open card and the list read again. */
  'clients.changed': z.object({ clientIds: z.array(z.number().int()).max(10_000) }),
  /** A list built without the operator asking (a re-offer rule whose offer came into force). */
  'campaigns.changed': z.object({ campaignId: z.number().int(), added: z.number().int() }),
} as const satisfies Record<EventChannel, z.ZodType>;

export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<
  (typeof invokeContract)[C]['request']
>;
export type ResponseOf<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>;
export type EventPayloadOf<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

export type { EventChannel, InvokeChannel } from './channels';
