import { open } from 'node:fs/promises';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';

/** A JSON file checked against its schema, or the line and field at fault and why. */
export type JsonFileResult<T> =
  { ok: true; value: T } | { ok: false; line: number; field: string; problem: string };

/**
 * JSON text checked against a schema; a bad one is refused with the line and
 * the field at fault, which jsonc-parser finds from the schema's path.
 */
export function readJsonText<S extends z.ZodType>(
  text: string,
  schema: S,
  maxBytes: number,
): JsonFileResult<z.output<S>> {
  if (Buffer.byteLength(text, 'utf8') > maxBytes)
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
  const parsed = schema.safeParse(JSON.parse(text));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue === undefined)
    return { ok: false, line: 1, field: '', problem: 'not what was expected' };
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  // A key the schema does not know (`__proto__`, a typo) is pointed at itself, not at its object.
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
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

/**
 * The same from a file: past the size limit it is refused unread, it must be
 * UTF-8 text, and a byte order mark (as Notepad writes one) is not part of it.
 */
export async function readJsonFileAt<S extends z.ZodType>(
  file: string,
  schema: S,
  maxBytes: number,
): Promise<JsonFileResult<z.output<S>> & { text?: string }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return { ok: false, line: 1, field: '', problem: 'the file is too large' };
    const bytes = await handle.readFile();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, line: 1, field: '', problem: 'not UTF-8 text' };
    }
    text = text.replace(/^\uFEFF/, '');
    return { ...readJsonText(text, schema, maxBytes), text };
  } finally {
    await handle.close();
  }
}
