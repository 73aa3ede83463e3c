import { z } from 'zod';
import { columnMappingSchema } from './columnMapping';

export const importErrorReasons = [
  'unbalancedQuotes',
  'wrongColumnCount',
  'missingName',
  'invalidPhone',
  'invalidEmail',
  'tooLong',
] as const;
export const importRowErrorSchema = z.object({
  /** Line in the file where the row starts (1 = the first line, the header). */
  line: z.number().int(),
  /** Header of the column at fault, when one column is. */
  column: z.string().nullable(),
  reason: z.enum(importErrorReasons),
  detail: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const duplicatePolicySchema = z.enum(['skip', 'merge', 'create']);
export type DuplicatePolicy = z.infer<typeof duplicatePolicySchema>;

export const importSettingsSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf8', 'utf16le', 'windows1251']),
  delimiter: z.enum([',', ';', '\t']),
  mapping: columnMappingSchema,
  duplicates: duplicatePolicySchema,
  /**
   * A tag every client the file names is given, new or already in the base
   * (a call list is then built from the clients with it).
   */
  listTag: z.string().normalize('NFC').trim().min(1).max(50).optional(),
});
export type ImportSettings = z.infer<typeof importSettingsSchema>;

/**
 * Why a whole file cannot be read, as opposed to some of its rows: not a text
 * table at all (random or binary bytes), a line longer than any real row
 * (`line` says which), or no rows; for an XLSX: damaged, unpacking to more
 * than any table (or packed like a zip bomb), no worksheet, more rows than
 * Excel allows.
 */
export const importFileProblemSchema = z.object({
  problem: z.enum([
    'notText',
    'lineTooLong',
    'noRows',
    'xlsxDamaged',
    'xlsxTooLarge',
    'xlsxNoSheet',
    'tooManyRows',
  ]),
  line: z.number().int().optional(),
});
export type ImportFileProblem = z.infer<typeof importFileProblemSchema>;

/** Characters a line may have: a real row of clients is a few hundred; this is far past any. */
export const maxImportLineChars = 1024 * 1024;

export const importProgressSchema = z.object({
  jobId: z.number().int(),
  status: z.enum(['running', 'done', 'cancelled', 'failed', 'interrupted']),
  /** 0..1, by bytes of the file read. */
  fraction: z.number(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsMerged: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsFailed: z.number().int(),
  /** Set when the file as a whole could not be read (status 'failed'). */
  fileProblem: importFileProblemSchema.optional(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

/** A job that has read nothing yet. */
export function progressAtStart(jobId: number): ImportProgress {
  return {
    jobId,
    status: 'running',
    fraction: 0,
    rowsRead: 0,
    rowsImported: 0,
    rowsMerged: 0,
    rowsSkipped: 0,
    rowsFailed: 0,
  };
}

/** How many row errors a job keeps for its report; the counts stay exact past it. */
export const storedErrorLimit = 100_000;
