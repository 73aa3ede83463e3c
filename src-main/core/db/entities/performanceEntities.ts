import { EntitySchema } from 'typeorm';
import { flag, rowid } from './columnTypes';

/** Migration 11: the performance sheet's own records and the schedule. */

/** An achievement the operator entered, and the record that backs it, if any. */
export interface AchievementRow {
  id: number;
  uid: string;
  /** The local day it is for (YYYY-MM-DD). */
  day: string;
  kindCode: string;
  /** The kind's title and points when entered: a later policy never rewrites a day's score. */
  kindTitle: string;
  points: number;
  note: string;
  verdict: 'confirmed' | 'unconfirmed';
  backedEntity: 'order' | 'offer' | 'scriptRun' | null;
  backedId: number | null;
  checkedAt: string;
  /** When a later check came to another verdict (never silently). */
  verdictChangedAt: string | null;
  createdBy: string;
  createdAt: string;
}

/** A target in force from a day on, as IT's policy or the supervisor's file set it. */
export interface TargetRow {
  id: number;
  metric: string;
  period: 'day' | 'week' | 'month';
  value: number;
  version: string;
  effectiveFrom: string;
  source: string;
  loadedAt: string;
}

export interface DayOffRequestRow {
  id: number;
  uid: string;
  day: string;
  reason: string;
  status: 'submitted' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  /** Why, in the supervisor's words (migration 18). */
  decisionNote: string | null;
  createdBy: string;
  createdAt: string;
}

/** A colleague's day-off request as a supervisor's desk receives it (migration 18). */
export interface TeamDayOffRow {
  uid: string;
  operator: string;
  day: string;
  reason: string;
  status: 'submitted' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  requestedAt: string;
  receivedAt: string;
}

/** One operator's shift on one day, from the supervisors' schedule file. */
export interface ShiftRow {
  id: number;
  operator: string;
  day: string;
  startsAt: string;
  endsAt: string;
  /** [{ from: 'HH:MM', to: 'HH:MM' }] as JSON. */
  breaks: string;
  source: string;
  loadedAt: string;
}

export interface StaffingDayRow {
  day: string;
  shortStaffed: boolean;
  note: string;
}

export const AchievementEntity = new EntitySchema<AchievementRow>({
  name: 'Achievement',
  tableName: 'achievements',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    day: { type: 'text' },
    kindCode: { type: 'text', name: 'kind_code' },
    kindTitle: { type: 'text', name: 'kind_title' },
    points: { type: 'real' },
    note: { type: 'text', default: '' },
    verdict: { type: 'text' },
    backedEntity: { type: 'text', name: 'backed_entity', nullable: true },
    backedId: { type: 'integer', name: 'backed_id', nullable: true },
    checkedAt: { type: 'text', name: 'checked_at' },
    verdictChangedAt: { type: 'text', name: 'verdict_changed_at', nullable: true },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
  },
  indices: [
    { name: 'achievements_day', columns: ['createdBy', 'day'] },
    { name: 'achievements_backing', columns: ['backedEntity', 'backedId'], unique: true },
  ],
});

export const TargetEntity = new EntitySchema<TargetRow>({
  name: 'Target',
  tableName: 'targets',
  columns: {
    id: rowid,
    metric: { type: 'text' },
    period: { type: 'text' },
    value: { type: 'real' },
    version: { type: 'text' },
    effectiveFrom: { type: 'text', name: 'effective_from' },
    source: { type: 'text' },
    loadedAt: { type: 'text', name: 'loaded_at' },
  },
  indices: [
    { name: 'targets_edition', columns: ['metric', 'effectiveFrom', 'version'], unique: true },
  ],
});

export const DayOffRequestEntity = new EntitySchema<DayOffRequestRow>({
  name: 'DayOffRequest',
  tableName: 'day_off_requests',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    day: { type: 'text' },
    reason: { type: 'text' },
    status: { type: 'text' },
    decidedBy: { type: 'text', name: 'decided_by', nullable: true },
    decidedAt: { type: 'text', name: 'decided_at', nullable: true },
    decisionNote: { type: 'text', name: 'decision_note', nullable: true },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
  },
  indices: [{ name: 'day_off_requests_operator', columns: ['createdBy', 'day'] }],
});

export const TeamDayOffEntity = new EntitySchema<TeamDayOffRow>({
  name: 'TeamDayOff',
  tableName: 'team_day_offs',
  columns: {
    uid: { type: 'text', primary: true },
    operator: { type: 'text' },
    day: { type: 'text' },
    reason: { type: 'text' },
    status: { type: 'text' },
    decidedBy: { type: 'text', name: 'decided_by', nullable: true },
    decidedAt: { type: 'text', name: 'decided_at', nullable: true },
    decisionNote: { type: 'text', name: 'decision_note', nullable: true },
    requestedAt: { type: 'text', name: 'requested_at' },
    receivedAt: { type: 'text', name: 'received_at' },
  },
  indices: [{ name: 'team_day_offs_status', columns: ['status', 'day'] }],
});

export const ShiftEntity = new EntitySchema<ShiftRow>({
  name: 'Shift',
  tableName: 'shifts',
  columns: {
    id: rowid,
    operator: { type: 'text' },
    day: { type: 'text' },
    startsAt: { type: 'text', name: 'starts_at' },
    endsAt: { type: 'text', name: 'ends_at' },
    breaks: { type: 'text', default: '[]' },
    source: { type: 'text' },
    loadedAt: { type: 'text', name: 'loaded_at' },
  },
  indices: [{ name: 'shifts_operator_day', columns: ['operator', 'day'], unique: true }],
});

export const StaffingDayEntity = new EntitySchema<StaffingDayRow>({
  name: 'StaffingDay',
  tableName: 'staffing_days',
  columns: {
    day: { type: 'text', primary: true },
    shortStaffed: flag({ name: 'short_staffed', default: false }),
    note: { type: 'text', default: '' },
  },
});
