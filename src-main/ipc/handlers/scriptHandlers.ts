import type { ScriptDesk } from '../../core/scripts/scriptDesk';
import type { CallView } from '../../../src-shared/telephony/callView';
import type { Language } from '../../../src-shared/settings/userSettingsSchema';
import { IpcRejection } from '../result';
import type { HandlersOf } from './handlerTypes';

/** Call scripts: the run beside a call or on its own, step by step, and a client's runs. */
export function scriptHandlers(deps: {
  scripts: () => Promise<ScriptDesk>;
  /** The calls in progress, for the line a call came in on and its caller. */
  calls: () => CallView[];
  actor: string;
  language: () => Language;
}): HandlersOf<'scripts.'> {
  const { actor } = deps;
  const language = () => deps.language();
  /** The desk, once the run a request names is known to exist. */
  const withRun = async (runId: number) => {
    const desk = await deps.scripts();
    if (!desk.knows('run', runId))
      throw new IpcRejection('scriptRunNotFound', `no script run ${runId}`);
    return desk;
  };
  return {
    'scripts.list': async () => (await deps.scripts()).catalogue(),
    'scripts.forCall': async ({ interactionId }) => {
      const desk = await deps.scripts();
      const call = deps.calls().find((c) => c.interactionId === interactionId);
      // A call no longer in progress keeps the run it had; none is started for it.
      if (call === undefined && !desk.knows('call', interactionId)) return { run: null };
      return {
        run: desk.forCall(
          {
            interactionId,
            clientId: call?.client?.id ?? null,
            line: call === undefined ? null : call.line,
          },
          actor,
          language(),
        ),
      };
    },
    'scripts.start': async ({ scriptId, interactionId, clientId }) => {
      const run = (await deps.scripts()).start(
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
    'scripts.answer': async ({ runId, value }) => {
      const result = (await withRun(runId)).answer(runId, value, language());
      return result.ok ? { ok: true, run: result.view } : result;
    },
    'scripts.back': async ({ runId }) => (await withRun(runId)).back(runId, language()),
    'scripts.unfinished': async () => (await deps.scripts()).unfinished(actor, language()),
    'scripts.ofClient': async ({ clientId }) =>
      (await deps.scripts()).ofClient(clientId, language()),
  };
}
