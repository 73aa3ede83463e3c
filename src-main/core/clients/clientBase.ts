import { allBuilt, firstBuilt } from '../db/builtStatements';
import { ClientEntity } from '../db/entities/clientEntities';
import { ImportErrorEntity, ImportJobEntity } from '../db/entities/recordEntities';
import type { CountryCode } from 'libphonenumber-js';
import type { PultDatabase } from '../db/database';
import type { Clock, JsonStore } from '../platform/ports';
import { maskPhone } from '../phones/phoneMasking';
import { CallerIdLookup, type CallerMatch } from './callerId';
import { ClientCardReader } from './clientCard';
import { ClientEditor } from './clientEditor';
import { recordChange } from '../db/changeJournal';
import { maskedCard, revealedDetails } from './personalData';
import type { RevealedDetails, revealReasons } from '../../../src-shared/clients/personalData';
import {
  clientQuerySchema,
  type ClientCard,
  type ClientPage,
  type ClientQuery,
  type ClientSaveResult,
} from '../../../src-shared/clients/clientSchemas';
import { ClientSearch } from './clientSearch';
import type { ImportRowError } from '../../../src-shared/clients/importSchemas';

export interface WorkspaceState {
  hasClients: boolean;
  offerDemo: boolean;
}

/** The client base as the rest of the app uses it: one object over one open database. */
export class ClientBase {
  private readonly search: ClientSearch;
  private readonly cards: ClientCardReader;
  private readonly editor: ClientEditor;
  private readonly callers: CallerIdLookup;

  constructor(
    private readonly db: PultDatabase,
    private readonly clock: Clock,
    region: CountryCode,
    language: () => 'uk' | 'en',
    private readonly workspaceStore: JsonStore<{ demoDismissed: boolean }>,
  ) {
    this.search = new ClientSearch(db.sqlite);
    this.cards = new ClientCardReader(db.sqlite, language);
    this.editor = new ClientEditor(db, clock, region);
    this.callers = new CallerIdLookup(db.sqlite, region);
  }

  /**
   * The plain list's total counted once in the background, just after the base opens: the
   * operator's first look at the Clients section then finds it counted, instead of waiting
   * for a count of a million (tens of milliseconds on an encrypted base).
   */
  warmUp(): void {
    this.search.find(clientQuerySchema.parse({ limit: 1 }));
  }

  /** Whether the base has anyone (one row read, not a count of a million: asked at each start). */
  state(): WorkspaceState {
    const any = this.db.dataSource
      .getRepository(ClientEntity)
      .createQueryBuilder('client')
      .select('client.id', 'id')
      .limit(1);
    const hasClients = firstBuilt(this.db.sqlite, any) !== undefined;
    const stored = this.workspaceStore.read() as { demoDismissed?: unknown } | undefined;
    return { hasClients, offerDemo: !hasClients && stored?.demoDismissed !== true };
  }

  dismissDemo(): WorkspaceState {
    this.workspaceStore.write({ demoDismissed: true });
    return this.state();
  }

  find(query: ClientQuery): ClientPage {
    const page = this.search.find(query);
    return {
      ...page,
      items: page.items.map((item) => ({
        ...item,
        phone: item.phone === null ? null : maskPhone(item.phone),
      })),
    };
  }

  /** The whole card, for Pult's own use (dialling a callback): not shown, not audited. */
  card(id: number): ClientCard | null {
    return this.cards.read(id) ?? null;
  }

  /**
   * The card as an operator sees it: masked unless IT's policy says otherwise,
   * and the view audited (who, when, which client, how it was opened).
   */
  viewCard(
    id: number,
    viewer: { actor: string; via: 'card' | 'screenPop'; masked: boolean },
  ): ClientCard | null {
    const card = this.cards.read(id);
    if (card === undefined) return null;
    this.audit(viewer.actor, 'client.view', id, { via: viewer.via });
    return viewer.masked ? maskedCard(card) : card;
  }

  /** The masked details in full, for a reason the audit keeps; undefined for no such client. */
  reveal(
    id: number,
    actor: string,
    why: { reason: (typeof revealReasons)[number]; note: string },
  ): RevealedDetails | undefined {
    const card = this.cards.read(id);
    if (card === undefined) return undefined;
    this.audit(actor, 'client.reveal', id, {
      reason: why.reason,
      ...(why.note === '' ? {} : { note: why.note }),
    });
    return revealedDetails(card);
  }

  /** A client's phone by its place on the card (a masked card is dialled this way). */
  phoneOf(id: number, index: number): string | undefined {
    return this.cards.read(id)?.phones[index]?.e164;
  }

  private audit(
    actor: string,
    action: string,
    clientId: number,
    details: Record<string, unknown>,
  ): void {
    const at = this.clock.now().toISOString();
    const { sqlite } = this.db;
    sqlite.transaction(() =>
      recordChange(sqlite, {
        at,
        actor,
        action,
        entity: 'client',
        entityId: clientId,
        details,
        outbox: { op: 'insert', payload: { audit: action, clientId, at } },
      }),
    )();
  }

  create(draft: unknown, actor: string): ClientSaveResult {
    return this.editor.create(draft, actor);
  }

  update(id: number, draft: unknown, actor: string): ClientSaveResult | 'notFound' {
    return this.editor.update(id, draft, actor);
  }

  callerId(number: string): CallerMatch[] {
    return this.callers.find(number);
  }

  importErrors(jobId: number, limit: number): { errors: ImportRowError[]; total: number } {
    const { dataSource, sqlite } = this.db;
    const errors = dataSource
      .getRepository(ImportErrorEntity)
      .createQueryBuilder('error')
      .select('error.line', 'line')
      .addSelect('error.columnName', 'column')
      .addSelect('error.reason', 'reason')
      .addSelect('error.detail', 'detail')
      .where('error.jobId = :jobId', { jobId })
      .orderBy('error.line')
      .limit(limit);
    const job = dataSource
      .getRepository(ImportJobEntity)
      .createQueryBuilder('job')
      .select('job.rowsFailed', 'n')
      .where('job.id = :jobId', { jobId });
    return {
      errors: allBuilt(sqlite, errors) as ImportRowError[],
      total: (firstBuilt(sqlite, job) as { n: number } | undefined)?.n ?? 0,
    };
  }
}
