import path from 'node:path';
import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { Logger } from '../../core/platform/ports';
import type { MachinePolicy } from '../../core/settings/machinePolicy';
import type { WorkstationDatabase } from '../../core/workstation/workstationDatabase';

/** The catalogue file IT named, refused, with where and why: the last good one stays in use. */
export interface CatalogueRefusal {
  file: string;
  line: number;
  field: string;
  problem: string;
}

/**
 * The center's reference files taken into the open base, each on a worker
 * thread (the base is written there too): the catalogue IT names by policy,
 * or the one Pult ships, and the KATOTTG codifier. A bad catalogue is
 * refused with its line and field, logged for IT and shown in Orders; the
 * last good one stays. A codifier that cannot be read leaves the settlements
 * as they were (the address then takes free text with its reason).
 */
export async function loadReferenceFiles(
  base: Pick<WorkstationDatabase, 'location'>,
  deps: {
    policy: MachinePolicy;
    files: Pick<FileJobRunner, 'run'>;
    resourcesDir: string;
    logger: Logger;
    actor: string;
  },
): Promise<{ refused: CatalogueRefusal | null; settlements: () => Promise<void> }> {
  const catalogueFile =
    deps.policy.referenceFiles.catalogue ??
    path.join(deps.resourcesDir, 'catalogue', 'demo-catalogue.json');
  const codifierFile =
    deps.policy.referenceFiles.codifier ??
    path.join(deps.resourcesDir, 'katottg', 'kodifikator.xlsx');
  let refused: CatalogueRefusal | null = null;
  try {
    const result = await deps.files.run({
      task: 'catalogueLoad',
      database: base.location,
      file: catalogueFile,
      actor: deps.actor,
    });
    if (result.ok) deps.logger.info('catalogue', { file: catalogueFile, ...result });
    else {
      refused = {
        file: catalogueFile,
        line: result.line,
        field: result.field,
        problem: result.problem,
      };
      deps.logger.warn('the catalogue file was refused; the last good one stays', { ...refused });
    }
  } catch (error) {
    refused = { file: catalogueFile, line: 0, field: '', problem: `not read: ${String(error)}` };
    deps.logger.warn('the catalogue file could not be read; the last good one stays', {
      ...refused,
    });
  }
  // The codifier when first needed (an order form opens, a settlement is looked up): reading
  // its 30,000 rows takes a core for a second or two, which a start should not pay.
  let codifier: Promise<void> | undefined;
  const settlements = () =>
    (codifier ??= deps.files
      .run({ task: 'codifierLoad', database: base.location, file: codifierFile })
      .then((result) => deps.logger.info('KATOTTG codifier', { file: codifierFile, ...result }))
      .catch((error: unknown) =>
        deps.logger.warn('the KATOTTG codifier could not be read', {
          file: codifierFile,
          error: String(error),
        }),
      ));
  return { refused, settlements };
}
