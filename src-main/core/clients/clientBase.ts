import type { CountryCode } from 'libphonenumber-js';
import type { PultDatabase } from '../db/database';
import type { Clock, JsonStore } from '../platform/ports';
import { maskPhone } from '../phones/phoneMasking';
import { CallerIdLookup, type CallerMatch } from './callerId';
import { ClientCardReader } from './clientCard';
import { ClientEditor } from './clientEditor';
import { exportClients } from './clientExport';
import type {
  ClientCard,
  ClientPage,
  ClientQuery,
  ClientSaveResult,
} from '../../../src-shared/clients/clientSchemas';
import { ClientSearch } from './clientSearch';
import type { ImportRowError } from '../../../src-shared/clients/importSchemas';

export interface WorkspaceState {
  clientCount: number;
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
    this.editor = new ClientEditor(db.sqlite, clock, region);
    this.callers = new CallerIdLookup(db.sqlite, region);
  }

  state(): WorkspaceState {
    const clientCount = (
      this.db.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }
    ).n;
    const stored = this.workspaceStore.read() as { demoDismissed?: unknown } | undefined;
    return { clientCount, offerDemo: clientCount === 0 && stored?.demoDismissed !== true };
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

  card(id: number): ClientCard | null {
    return this.cards.read(id) ?? null;
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
    const errors = this.db.sqlite
      .prepare(
        `SELECT line, column_name AS "column", reason, detail FROM import_errors WHERE job_id = ? ORDER BY line LIMIT ?`,
      )
      .all(jobId, limit) as ImportRowError[];
    const total =
      (
        this.db.sqlite
          .prepare('SELECT rows_failed AS n FROM import_jobs WHERE id = ?')
          .get(jobId) as { n: number } | undefined
      )?.n ?? 0;
    return { errors, total };
  }

  export(
    query: ClientQuery,
    file: string,
    format: 'csv' | 'xlsx',
    actor: string,
    headers: readonly string[],
    fileName: string,
  ): Promise<number> {
    return exportClients(this.db.sqlite, query, file, format, {
      actor,
      clock: this.clock,
      headers,
      fileName,
    });
  }
}
