import { EntitySchema } from 'typeorm';
import type { CampaignPurpose } from '../../../../src-shared/campaigns/callingRules';
import type { ClientRow } from './clientEntities';
import { references, rowid } from './columnTypes';
import type { InteractionRow } from './workEntities';

/** Migration 12: outbound call lists, their leads and attempts, consents and do-not-call. */

export interface CampaignRow {
  id: number;
  uid: string;
  name: string;
  purpose: CampaignPurpose;
  scriptName: string | null;
  /** The product or tariff offered (a catalogue code). */
  offerCode: string | null;
  callerId: string | null;
  /** Per attempt result: { delayMinutes, max } as JSON. */
  retryRules: string;
  status: 'active' | 'paused' | 'closed';
  createdBy: string;
  createdAt: string;
  /** Migration 13: the list's own calling hours ("HH:MM", the client's local time), within the country's. */
  hoursFrom: string | null;
  hoursTo: string | null;
  /** Migration 15: a re-offer rule's refusal reason (its code), and when the list was last built. */
  reofferReason: string | null;
  builtAt: string | null;
  /** When a supervisor gave the list to the team, or this desk received it (migration 19). */
  teamSharedAt: string | null;
}

export const leadStates = ['due', 'held', 'callback', 'done', 'removed'] as const;

export interface LeadRow {
  id: number;
  uid: string;
  campaignId: number;
  clientId: number;
  e164: string;
  /** The number's country (ISO alpha-2), set when the list is built. */
  country: string | null;
  /** The client's address's zone, where the address tells it. */
  addressZone: string | null;
  state: (typeof leadStates)[number];
  dueAt: string | null;
  /** Why a held lead is held ("may I call now?"'s reason). */
  heldReason: string | null;
  attempts: number;
  lastResult: string | null;
  lastAttemptAt: string | null;
  owner: string | null;
  createdAt: string;
  /** A shared list's lead: until when the center keeps it for this operator (migration 19). */
  reservedUntil: string | null;
  /** What became of it here is still to be told to the center (set by a trigger). */
  teamDirty: number;
  campaign?: CampaignRow;
  client?: ClientRow;
}

export const attemptResults = [
  'dialling',
  'answered',
  'noAnswer',
  'busy',
  'failed',
  'machine',
  'cutOff',
] as const;

export interface LeadAttemptRow {
  id: number;
  uid: string;
  leadId: number;
  e164: string;
  startedAt: string;
  /** 'dialling' until the call's result is known; a kill in between leaves it so. */
  result: (typeof attemptResults)[number];
  interactionId: number | null;
  createdBy: string;
  lead?: LeadRow;
  interaction?: InteractionRow | null;
}

export interface ConsentRow {
  id: number;
  uid: string;
  clientId: number;
  scope: 'advertising' | 'service';
  source: string;
  givenAt: string;
  withdrawnAt: string | null;
  recordedBy: string;
  client?: ClientRow;
}

export interface DncEntryRow {
  id: number;
  uid: string;
  level: 'global' | 'campaign' | 'product';
  clientId: number | null;
  e164: string | null;
  campaignId: number | null;
  productCode: string | null;
  reason: string;
  createdBy: string;
  createdAt: string;
  client?: ClientRow | null;
  campaign?: CampaignRow | null;
}

export const CampaignEntity = new EntitySchema<CampaignRow>({
  name: 'Campaign',
  tableName: 'campaigns',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    name: { type: 'text' },
    purpose: { type: 'text' },
    scriptName: { type: 'text', name: 'script_name', nullable: true },
    offerCode: { type: 'text', name: 'offer_code', nullable: true },
    callerId: { type: 'text', name: 'caller_id', nullable: true },
    retryRules: { type: 'text', name: 'retry_rules', default: '{}' },
    status: { type: 'text' },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
    hoursFrom: { type: 'text', name: 'hours_from', nullable: true },
    hoursTo: { type: 'text', name: 'hours_to', nullable: true },
    reofferReason: { type: 'text', name: 'reoffer_reason', nullable: true },
    builtAt: { type: 'text', name: 'built_at', nullable: true },
    teamSharedAt: { type: 'text', name: 'team_shared_at', nullable: true },
  },
});

export const LeadEntity = new EntitySchema<LeadRow>({
  name: 'Lead',
  tableName: 'leads',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    campaignId: { type: 'integer', name: 'campaign_id' },
    clientId: { type: 'integer', name: 'client_id' },
    e164: { type: 'text' },
    country: { type: 'text', nullable: true },
    addressZone: { type: 'text', name: 'address_zone', nullable: true },
    state: { type: 'text' },
    dueAt: { type: 'text', name: 'due_at', nullable: true },
    heldReason: { type: 'text', name: 'held_reason', nullable: true },
    attempts: { type: 'integer', default: 0 },
    lastResult: { type: 'text', name: 'last_result', nullable: true },
    lastAttemptAt: { type: 'text', name: 'last_attempt_at', nullable: true },
    owner: { type: 'text', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    reservedUntil: { type: 'text', name: 'reserved_until', nullable: true },
    teamDirty: { type: 'integer', name: 'team_dirty', default: 0 },
  },
  relations: {
    campaign: references('Campaign', 'leads', 'campaign_id', 'CASCADE'),
    client: references('Client', 'leads', 'client_id', 'CASCADE'),
  },
  indices: [
    { name: 'leads_next', columns: ['campaignId', 'state', 'dueAt'] },
    { name: 'leads_number', columns: ['campaignId', 'e164'], unique: true },
    { name: 'leads_client', columns: ['clientId'] },
    { name: 'leads_team_dirty', columns: ['teamDirty'], where: '"team_dirty" = 1' },
  ],
});

export const LeadAttemptEntity = new EntitySchema<LeadAttemptRow>({
  name: 'LeadAttempt',
  tableName: 'lead_attempts',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    leadId: { type: 'integer', name: 'lead_id' },
    e164: { type: 'text' },
    startedAt: { type: 'text', name: 'started_at' },
    result: { type: 'text' },
    interactionId: { type: 'integer', name: 'interaction_id', nullable: true },
    createdBy: { type: 'text', name: 'created_by' },
  },
  relations: {
    lead: references('Lead', 'lead_attempts', 'lead_id', 'CASCADE'),
    interaction: references('Interaction', 'lead_attempts', 'interaction_id', 'SET NULL'),
  },
  indices: [
    { name: 'lead_attempts_number', columns: ['e164', 'startedAt'] },
    { name: 'lead_attempts_lead', columns: ['leadId'] },
  ],
});

export const ConsentEntity = new EntitySchema<ConsentRow>({
  name: 'Consent',
  tableName: 'consents',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    clientId: { type: 'integer', name: 'client_id' },
    scope: { type: 'text' },
    source: { type: 'text' },
    givenAt: { type: 'text', name: 'given_at' },
    withdrawnAt: { type: 'text', name: 'withdrawn_at', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by' },
  },
  relations: { client: references('Client', 'consents', 'client_id', 'CASCADE') },
  indices: [{ name: 'consents_client', columns: ['clientId', 'scope'] }],
});

export const DncEntryEntity = new EntitySchema<DncEntryRow>({
  name: 'DncEntry',
  tableName: 'dnc_entries',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    level: { type: 'text' },
    clientId: { type: 'integer', name: 'client_id', nullable: true },
    e164: { type: 'text', nullable: true },
    campaignId: { type: 'integer', name: 'campaign_id', nullable: true },
    productCode: { type: 'text', name: 'product_code', nullable: true },
    reason: { type: 'text', default: '' },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
  },
  relations: {
    client: references('Client', 'dnc_entries', 'client_id', 'CASCADE'),
    campaign: references('Campaign', 'dnc_entries', 'campaign_id', 'CASCADE'),
  },
  indices: [
    { name: 'dnc_entries_client', columns: ['clientId'] },
    { name: 'dnc_entries_number', columns: ['e164'] },
  ],
});

/** Migration 13: the hours a client asked to be called in (their local time). */
export interface CallTimeRow {
  clientId: number;
  fromTime: string;
  toTime: string;
  setBy: string;
  setAt: string;
  client?: ClientRow;
}

export const CallTimeEntity = new EntitySchema<CallTimeRow>({
  name: 'CallTime',
  tableName: 'call_times',
  columns: {
    clientId: { type: 'integer', name: 'client_id', primary: true },
    fromTime: { type: 'text', name: 'from_time' },
    toTime: { type: 'text', name: 'to_time' },
    setBy: { type: 'text', name: 'set_by' },
    setAt: { type: 'text', name: 'set_at' },
  },
  relations: { client: references('Client', 'call_times', 'client_id', 'CASCADE') },
});
