import { open } from 'node:fs/promises';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { scriptGraphSchema, type ScriptGraph } from '../../../src-shared/scripts/scriptGraph';

/** A script file is a few hundred KB at most; past this it is refused unread. */
export const maxScriptFileBytes = 5 * 1024 * 1024;

export type ScriptFileResult =
  { ok: true; graph: ScriptGraph } | { ok: false; line: number; field: string; problem: string };

/**
 * A script from its JSON file (an export, or one IT ships), checked against
 * the schema; a bad file is refused with the line and the field at fault,
 * which jsonc-parser finds from the schema's path.
 */
export function readScriptFile(text: string): ScriptFileResult {
  if (Buffer.byteLength(text, 'utf8') > maxScriptFileBytes)
    return { ok: false, line: 1, field: '', problem: 'the file is too large' };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first !== undefined || tree === undefined)
    return {
      ok: false,
      line: lineAt(text, first?.offset ?? 0),
      field: '',
      problem: first === undefined ? 'not JSON' : printParseErrorCode(first.error),
    };
  const parsed = scriptGraphSchema.safeParse(JSON.parse(text));
  if (parsed.success) return { ok: true, graph: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue === undefined) return { ok: false, line: 1, field: '', problem: 'not a script' };
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  // The deepest part of the path the file has (a missing field is reported on its object).
  let node = undefined as ReturnType<typeof findNodeAtLocation>;
  for (let depth = path.length; depth >= 0 && node === undefined; depth--)
    node = findNodeAtLocation(tree, path.slice(0, depth));
  return {
    ok: false,
    line: lineAt(text, node?.offset ?? 0),
    field: path.join('.'),
    problem: issue.message,
  };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A script file from disk: past the size limit it is refused unread, and it must be UTF-8 text. */
export async function readScriptFileAt(file: string): Promise<ScriptFileResult> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxScriptFileBytes)
      return { ok: false, line: 1, field: '', problem: 'the file is too large' };
    const bytes = await handle.readFile();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, line: 1, field: '', problem: 'not UTF-8 text' };
    }
    // A byte order mark, as Notepad writes one, is not part of the JSON.
    return readScriptFile(text.replace(/^\uFEFF/, ''));
  } finally {
    await handle.close();
  }
}
