import { useState } from 'react';
import type { ResponseOf } from '../../../src-main/ipc/contract';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';

export type ImportPreview = Extract<ResponseOf<'import.chooseFile'>, { chosen: true }>['preview'];

/**
 * The file chosen for an import: while main reads it (a large spreadsheet
 * takes seconds to check), that is said and can be stopped; then its preview
 * opens the import dialog.
 */
export function useImportFile() {
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [reading, setReading] = useState(false);
  return {
    preview,
    reading,
    choose: () => {
      setReading(true);
      invoke('import.chooseFile')
        .then(
          (r) => r.chosen && setPreview(r.preview),
          (e: unknown) => reportProblem('importStart', e),
        )
        .finally(() => setReading(false));
    },
    stopReading: () => {
      invoke('import.cancelPreview').catch((e: unknown) => reportProblem('importStart', e));
    },
    close: () => setPreview(undefined),
  };
}
