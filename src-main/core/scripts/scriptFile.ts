import { scriptGraphSchema, type ScriptGraph } from '../../../src-shared/scripts/scriptGraph';
import { readJsonFileAt, readJsonText, type JsonFileResult } from '../platform/jsonFile';

/** A script file is a few hundred KB at most; past this it is refused unread. */
export const maxScriptFileBytes = 5 * 1024 * 1024;

export type ScriptFileResult =
  { ok: true; graph: ScriptGraph } | { ok: false; line: number; field: string; problem: string };

function asScript(result: JsonFileResult<ScriptGraph>): ScriptFileResult {
  return result.ok
    ? { ok: true, graph: result.value }
    : { ok: false, line: result.line, field: result.field, problem: result.problem };
}

/** A script from its JSON file (an export, or one IT ships), checked against the schema. */
export function readScriptFile(text: string): ScriptFileResult {
  return asScript(readJsonText(text, scriptGraphSchema, maxScriptFileBytes));
}

/** A script file from disk: past the size limit it is refused unread, and it must be UTF-8 text. */
export async function readScriptFileAt(file: string): Promise<ScriptFileResult> {
  return asScript(await readJsonFileAt(file, scriptGraphSchema, maxScriptFileBytes));
}
