import path from 'node:path';
import type { MainStrings } from '../../core/i18n/mainLocales';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';
import { IpcRejection } from '../result';
import type { FileDialogs } from './fileDialogs';
import type { HandlersOf } from './handlerTypes';

/** The client base: search, the card, edits and the export of what is listed. */
export function clientHandlers(deps: {
  database: () => Promise<WorkstationDatabase>;
  dialogs: FileDialogs;
  strings: () => MainStrings;
  actor: string;
}): HandlersOf<'clients.'> {
  const clients = async () => (await deps.database()).clients;
  return {
    'clients.find': async (query) => (await clients()).find(query),
    'clients.card': async ({ id }) => (await clients()).card(id),
    'clients.create': async (draft) => (await clients()).create(draft, deps.actor),
    'clients.update': async ({ id, draft }) => {
      const result = (await clients()).update(id, draft, deps.actor);
      if (result === 'notFound')
        throw new IpcRejection('clientNotFound', 'This client no longer exists');
      return result;
    },
    'clients.export': async ({ query, format }) => {
      const base = await clients();
      const strings = deps.strings();
      const file = await deps.dialogs.chooseSaveFile(
        strings.exportDialogTitle,
        `${strings.exportFileName}.${format}`,
        format,
      );
      if (file === undefined) return { saved: false, rows: 0 };
      const rows = await base.export(
        query,
        file,
        format,
        deps.actor,
        strings.exportHeaders,
        path.basename(file),
      );
      return { saved: true, rows };
    },
  };
}
