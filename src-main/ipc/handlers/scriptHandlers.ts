import type { FileJobRunner } from '../../core/clients/fileJobs/fileJobRunner';
import type { MainStrings } from '../../core/i18n/mainLocales';
import type { BranchStats } from '../../core/scripts/branchStats';
import type { EditRefusal } from '../../core/scripts/scriptEditing';
import type { WorkstationScripts } from '../../core/workstation/workstationScripts';
import type { CallView } from '../../../src-shared/telephony/callView';
import type { Language } from '../../../src-shared/settings/userSettingsSchema';
import { IpcRejection } from '../result';
import type { FileDialogs } from './fileDialogs';
import type { HandlersOf } from './handlerTypes';

/** An edit refused, as the operator is told it. */
function refused<T>(result: T | EditRefusal): T {
  if (result === 'notAllowed')
    throw new IpcRejection('scriptEditNotAllowed', 'IT policy does not let this user edit scripts');
  if (result === 'readOnly')
    throw new IpcRejection('scriptReadOnly', 'a script IT ships is read-only');
  if (result === 'notFound') throw new IpcRejection('scriptNotPublished', 'no such script');
  return result;
}

/** A step IT's policy does not let operators take. */
function allowed<T>(result: T | 'notAllowed'): T {
  if (result === 'notAllowed')
    throw new IpcRejection('scriptStepNotAllowed', 'IT policy does not let operators do this');
  return result;
}

/**
 * Call scripts: the run beside a call or on its own, step by step, a
 * client's runs, and the editor (drafts, publishing, versions, files).
 */
export function scriptHandlers(deps: {
  scripts: () => Promise<WorkstationScripts>;
  /** The calls in progress, for the line a call came in on and its caller. */
  calls: () => CallView[];
  /** The script of the call list a call was dialled from, if it was a lead's dial. */
  campaignScriptOf: (interactionId: number) => Promise<string | null>;
  actor: string;
  language: () => Language;
  dialogs: FileDialogs;
  strings: () => MainStrings;
  files: Pick<FileJobRunner, 'run'>;
  /** A version's branch statistics, from a worker thread. */
  branchStats: (versionId: number) => Promise<BranchStats>;
}): HandlersOf<'scripts.'> {
  const { actor } = deps;
  const language = () => deps.language();
  const desk = async () => (await deps.scripts()).desk;
  const editing = async () => (await deps.scripts()).editing;
  /** The desk, once the run a request names is known to exist. */
  const withRun = async (runId: number) => {
    const found = await desk();
    if (!found.knows('run', runId))
      throw new IpcRejection('scriptRunNotFound', `no script run ${runId}`);
    return found;
  };
  return {
    'scripts.list': async () => (await desk()).catalogue(),
    'scripts.forCall': async ({ interactionId }) => {
      const found = await desk();
      const call = deps.calls().find((c) => c.interactionId === interactionId);
      // A call no longer in progress keeps the run it had; none is started for it.
      if (call === undefined && !found.knows('call', interactionId)) return { run: null };
      return {
        run: found.forCall(
          {
            interactionId,
            clientId: call?.client?.id ?? null,
            line: call === undefined ? null : call.line,
            campaignScript: await deps.campaignScriptOf(interactionId),
          },
          actor,
          language(),
        ),
      };
    },
    'scripts.start': async ({ scriptId, interactionId, clientId }) => {
      const run = (await desk()).start(
        scriptId,
        {
          actor,
          ...(interactionId === undefined ? {} : { interactionId }),
          ...(clientId === undefined ? {} : { clientId }),
        },
        language(),
      );
      if (run === 'notPublished')
        throw new IpcRejection('scriptNotPublished', `script ${scriptId} has no live version`);
      if (run === 'notFound') throw new IpcRejection('clientNotFound', 'no such call or client');
      return run;
    },
    'scripts.run': async ({ runId }) => (await withRun(runId)).view(runId, language()),
    'scripts.answer': async ({ runId, value, at }) => {
      const result = (await withRun(runId)).answer(runId, value, language(), actor, at);
      return result.ok ? { ok: true, run: result.view } : result;
    },
    'scripts.back': async ({ runId }) => allowed((await withRun(runId)).back(runId, language())),
    'scripts.finish': async ({ runId }) =>
      allowed((await withRun(runId)).finish(runId, actor, language())),
    'scripts.unfinished': async () => (await desk()).unfinished(actor, language()),
    'scripts.ofClient': async ({ clientId }) => (await desk()).ofClient(clientId, language()),

    'scripts.editor.open': async ({ scriptId }) =>
      refused((await editing()).open(scriptId, actor) ?? 'notFound'),
    'scripts.editor.create': async ({ name }) => refused((await editing()).create(name, actor)),
    'scripts.editor.save': async ({ scriptId, graph }) =>
      refused((await editing()).save(scriptId, graph, actor)),
    'scripts.editor.publish': async ({ scriptId, at }) =>
      refused(
        (await editing()).publish(scriptId, actor, at === undefined ? undefined : new Date(at)),
      ),
    'scripts.editor.version': async ({ versionId }) => {
      const version = (await editing()).version(versionId);
      if (version === undefined) throw new IpcRejection('scriptNotPublished', 'no such version');
      return { graph: version.graph };
    },
    'scripts.editor.stats': async ({ versionId }) => {
      if ((await editing()).version(versionId) === undefined)
        throw new IpcRejection('scriptNotPublished', 'no such version');
      return deps.branchStats(versionId);
    },
    'scripts.editor.testRun': async ({ scriptId }) => {
      const run = (await desk()).startTest(scriptId, actor, language());
      if (run === 'notPublished') throw new IpcRejection('scriptNotPublished', 'no such script');
      return run;
    },
    'scripts.editor.import': async () => {
      const file = await deps.dialogs.chooseScriptFile(deps.strings());
      if (file === undefined) return { imported: false, cancelled: true };
      const result = await deps.files.run({ task: 'scriptRead', file }).catch((error: unknown) => {
        throw new IpcRejection('fileUnreadable', `the script file was not read: ${String(error)}`);
      });
      if (!result.ok)
        return {
          imported: false,
          cancelled: false,
          line: result.line,
          field: result.field,
          problem: result.problem,
        };
      return { imported: true, view: refused((await editing()).importGraph(result.graph, actor)) };
    },
    'scripts.editor.export': async ({ versionId }) => {
      const scripts = await deps.scripts();
      const version = scripts.editing.version(versionId);
      if (version === undefined) throw new IpcRejection('scriptNotPublished', 'no such version');
      const strings = deps.strings();
      const file = await deps.dialogs.chooseSaveFile(
        strings.scriptExportTitle,
        `${version.graph.name.replace(/[\\/:*?"<>|]/g, '_')} v${version.version}.json`,
        'json',
      );
      if (file === undefined) return { saved: false };
      await deps.files
        .run({ task: 'scriptWrite', file, text: `${JSON.stringify(version.graph, null, 2)}\n` })
        .catch((error: unknown) => {
          throw new IpcRejection('fileNotWritten', `the script was not written: ${String(error)}`);
        });
      scripts.library.recordExport(version, actor);
      return { saved: true };
    },
  };
}
