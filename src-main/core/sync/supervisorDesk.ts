import type BetterSqlite3 from 'better-sqlite3';
import { dayStart, localDay, monthStartOf, weekStartOf } from '../../../src-shared/localDays';
import {
  clashFields,
  type ClashView,
  type FiguresPeriod,
  type PeerRangeView,
  type SupervisorView,
  type TeamDayOffView,
} from '../../../src-shared/sync/supervisorView';
import type { Clock } from '../platform/ports';
import { Refusal } from '../platform/refusal';
import { askCenter } from './askCenter';
import { sqlStateOf } from './outboxPush';
import type { TeamConnection } from './pgConnection';

export type SupervisorProblem =
  'teamOffline' | 'notSupervisor' | 'alreadyDecided' | 'ownDayOff' | 'doNotCallStays';
export class SupervisorRefusal extends Refusal<SupervisorProblem> {}

/** How long a decided request stays on the supervisor's list. */
const decidedShownDays = 14;

/**
 * The supervisor's desk in the same app (issue 19): colleagues' day-off
 * requests, landed from the team's feed, to approve or reject, and the field
 * clashes the center listed, to settle. Decisions are made on the center,
 * which checks the role and that nobody decided first; they come back
 * through the feed, to the operator's desk and every supervisor's.
 */
export class SupervisorDesk {
  private role: { team: string | null; supervisor: boolean } | undefined;
  private readonly dayOffs: BetterSqlite3.Statement<[string], TeamDayOffView>;
  private readonly clientOf: BetterSqlite3.Statement<[string], { id: number; fullName: string }>;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly deps: {
      clock: Clock;
      /** The center's connection; rejects when team sync is not set up or the server is down. */
      connection: () => Promise<
        Pick<
          TeamConnection,
          'whoAmI' | 'decideDayOff' | 'clashes' | 'resolveClash' | 'teamFigures' | 'peerRange'
        >
      >;
      /** Reads the team's feed now: a decision made here comes back through it. */
      pullNow: () => Promise<unknown>;
    },
  ) {
    this.dayOffs = sqlite.prepare(
      `SELECT uid, operator, day, reason, status, decided_by AS decidedBy, decided_at AS decidedAt,
         decision_note AS decisionNote, requested_at AS requestedAt
       FROM team_day_offs WHERE status = 'submitted' OR decided_at >= ?
       ORDER BY status <> 'submitted', CASE WHEN status = 'submitted' THEN requested_at END,
         decided_at DESC`,
    );
    this.clientOf = sqlite.prepare('SELECT id, full_name AS fullName FROM clients WHERE uid = ?');
  }

  /** The period of the team's figures, as the supervisor last chose it. */
  private figuresPeriod: FiguresPeriod = 'week';

  async view(figuresPeriod?: FiguresPeriod): Promise<SupervisorView> {
    if (figuresPeriod !== undefined) this.figuresPeriod = figuresPeriod;
    const since = new Date(this.deps.clock.now().getTime() - decidedShownDays * 86_400_000);
    const dayOffs = this.dayOffs.all(since.toISOString());
    try {
      const connection = await this.deps.connection();
      this.role = await connection.whoAmI();
      const clashes = this.role.supervisor ? await connection.clashes() : [];
      const figures = this.role.supervisor
        ? await connection.teamFigures(this.periodStart(this.figuresPeriod), this.deps.clock.now())
        : null;
      return {
        supervisor: this.role.supervisor,
        team: this.role.team,
        dayOffs,
        clashes: clashes.flatMap((clash): ClashView[] => {
          const field = clashFields.find((known) => known === clash.field);
          // A field a newer center added: its own version of Pult settles it.
          if (field === undefined) return [];
          const client = this.clientOf.get(clash.clientUid);
          return [
            {
              id: clash.id,
              clientId: client?.id ?? null,
              clientName: client?.fullName ?? null,
              field,
              kept: asValue(clash.kept),
              lost: asValue(clash.lost),
              current: asValue(clash.current),
              keptBy: clash.keptBy,
              lostBy: clash.lostBy,
              at: clash.at.toISOString(),
            },
          ];
        }),
        figures,
        figuresPeriod: this.figuresPeriod,
        offline: null,
      };
    } catch (error) {
      // The requests already landed are still shown; deciding waits for the center.
      return {
        supervisor: this.role?.supervisor ?? null,
        team: this.role?.team ?? null,
        dayOffs,
        clashes: null,
        figures: null,
        figuresPeriod: this.figuresPeriod,
        offline: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /**
   * The operator's own figures this week beside their colleagues' range;
   * null when the center cannot be reached (the sheet still has its own).
   */
  async peers(): Promise<PeerRangeView | null> {
    const from = this.periodStart('week');
    try {
      const connection = await this.deps.connection();
      return {
        from: from.toISOString(),
        ...(await connection.peerRange(from, this.deps.clock.now())),
      };
    } catch (error) {
      // The database's own answer is a fault to show; no connection is simply no range now.
      if (sqlStateOf(error) !== undefined) throw error;
      return null;
    }
  }

  /** Midnight on this PC's clock of today, this week's Monday, or the month's first day. */
  private periodStart(period: FiguresPeriod): Date {
    const today = localDay(this.deps.clock.now());
    return dayStart(
      period === 'day' ? today : period === 'week' ? weekStartOf(today) : monthStartOf(today),
    );
  }

  async decideDayOff(input: { uid: string; approve: boolean; note: string }) {
    await this.onCenter((connection) =>
      connection.decideDayOff(input.uid, input.approve, input.note.trim()),
    );
    return this.view();
  }

  async resolveClash(input: { id: number; keep: 'kept' | 'lost' }) {
    await this.onCenter((connection) => connection.resolveClash(input.id, input.keep));
    return this.view();
  }

  /** One decision on the center, its refusals in the supervisor's words; then the feed is read. */
  private async onCenter(
    decide: (
      connection: Awaited<ReturnType<SupervisorDesk['deps']['connection']>>,
    ) => Promise<unknown>,
  ): Promise<void> {
    await askCenter(
      this.deps.connection,
      decide,
      {
        offline: 'teamOffline',
        refusals: {
          '55000': 'alreadyDecided',
          '42704': 'alreadyDecided',
          '42501': (message) =>
            /own day-off/.test(message)
              ? 'ownDayOff'
              : /do-not-call/.test(message)
                ? 'doNotCallStays'
                : 'notSupervisor',
        },
      },
      (problem: SupervisorProblem) => new SupervisorRefusal(problem),
    );
    await this.deps.pullNow();
  }
}

function asValue(value: unknown): string | boolean | null {
  return typeof value === 'string' || typeof value === 'boolean' ? value : null;
}
