import type { CountryCode } from 'libphonenumber-js';
import { parsePhone } from '../../phones/phoneNumbers';
import { nameSortKey } from '../nameSortKey';
import { excerpt } from './rowErrorDetail';
import type { ClientDetails } from '../../../../src-shared/clients/clientSchemas';
import type { ColumnMapping, ImportField } from '../../../../src-shared/clients/columnMapping';
import type { ImportRowError } from '../../../../src-shared/clients/importSchemas';

export interface ImportedPhone {
  e164: string;
  raw: string;
  /** Null for a Ukrainian number's usual forms (see ParsedPhone). */
  searchTokens: string | null;
}

export interface ImportedClient extends ClientDetails {
  line: number;
  /** The list's alphabetical key, made here: on the reading thread, not the writing one. */
  sortKey: string;
  phones: ImportedPhone[];
  tags: string[];
}

const limits: Partial<Record<ImportField, number>> = {
  fullName: 200,
  lastName: 100,
  firstName: 100,
  middleName: 100,
  address: 500,
  city: 100,
  email: 200,
  personalAccount: 50,
  notes: 5000,
  tags: 500,
  phone: 40,
  phone2: 40,
};
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks one file row against the mapping and turns it into a client, or says what is wrong. */
export class ClientRowReader {
  private readonly columns: { index: number; field: ImportField; header: string }[];

  constructor(
    private readonly headers: readonly string[],
    mapping: ColumnMapping,
    private readonly region: CountryCode,
    /** The import's list tag, added to every row's own. */
    private readonly listTag?: string,
  ) {
    this.columns = mapping.flatMap((field, index) =>
      field === null ? [] : [{ index, field, header: headers[index] ?? `#${index + 1}` }],
    );
  }

  read(line: number, fields: string[]): ImportedClient | ImportRowError {
    if (fields.length !== this.headers.length && !onlyEmptyExtras(fields, this.headers.length)) {
      return {
        line,
        column: null,
        reason: 'wrongColumnCount',
        detail: `${fields.length} ≠ ${this.headers.length}`,
      };
    }
    const value: Partial<Record<ImportField, string>> = {};
    for (const { index, field, header } of this.columns) {
      // NFC, as typed names are kept: a file from a Mac may hold decomposed letters.
      const text = (fields[index] ?? '').normalize('NFC').trim();
      const limit = limits[field] ?? 500;
      if (text.length > limit) {
        return {
          line,
          column: header,
          reason: 'tooLong',
          detail: `${excerpt(text)} (${text.length} > ${limit})`,
        };
      }
      value[field] = text;
    }
    const fullName =
      value.fullName !== undefined && value.fullName !== ''
        ? value.fullName
        : [value.lastName, value.firstName, value.middleName]
            .filter((p) => p !== undefined && p !== '')
            .join(' ');
    if (fullName === '') {
      const column =
        this.columns.find((c) => c.field === 'fullName' || c.field === 'lastName')?.header ?? null;
      return { line, column, reason: 'missingName', detail: '' };
    }
    const phones: ImportedPhone[] = [];
    for (const field of ['phone', 'phone2'] as const) {
      const raw = value[field];
      if (raw === undefined || raw === '') continue;
      const phone = parsePhone(raw, this.region);
      if (!phone.ok) {
        const column = this.columns.find((c) => c.field === field)?.header ?? null;
        return { line, column, reason: 'invalidPhone', detail: raw };
      }
      if (!phones.some((p) => p.e164 === phone.e164)) {
        phones.push({ e164: phone.e164, raw, searchTokens: phone.searchTokens });
      }
    }
    const email = value.email ?? '';
    if (email !== '' && !emailPattern.test(email)) {
      const column = this.columns.find((c) => c.field === 'email')?.header ?? null;
      return { line, column, reason: 'invalidEmail', detail: email };
    }
    return {
      line,
      fullName,
      sortKey: nameSortKey(fullName),
      address: value.address ?? '',
      city: value.city ?? '',
      email,
      personalAccount: value.personalAccount ?? '',
      notes: value.notes ?? '',
      phones,
      tags: [
        ...new Set([
          ...(value.tags === undefined || value.tags === ''
            ? []
            : value.tags
                .split(/[,;|]/)
                .map((t) => t.trim())
                .filter((t) => t !== '' && t.length <= 50)),
          ...(this.listTag === undefined ? [] : [this.listTag]),
        ]),
      ],
    };
  }
}

/** Excel sometimes writes trailing delimiters: extra columns that are all empty are harmless. */
function onlyEmptyExtras(fields: string[], expected: number): boolean {
  return fields.length > expected && fields.slice(expected).every((f) => f.trim() === '');
}

export function isRowError(row: ImportedClient | ImportRowError): row is ImportRowError {
  return 'reason' in row;
}
