import { z } from 'zod';

export const importFields = [
  'fullName',
  'lastName',
  'firstName',
  'middleName',
  'phone',
  'phone2',
  'address',
  'city',
  'email',
  'personalAccount',
  'notes',
  'tags',
] as const;
export type ImportField = (typeof importFields)[number];

/** For each file column (by index), the client field it fills, or null to ignore it. */
export const columnMappingSchema = z.array(z.enum(importFields).nullable()).max(200);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** What an import cannot start without: a column with the name (whole or a surname), and one with a phone. */
export type RequiredImportColumn = 'name' | 'phone';

export function missingImportColumns(mapping: ColumnMapping): RequiredImportColumn[] {
  const has = (...fields: ImportField[]) => mapping.some((f) => f !== null && fields.includes(f));
  return [
    ...(has('fullName', 'lastName') ? [] : (['name'] as const)),
    ...(has('phone', 'phone2') ? [] : (['phone'] as const)),
  ];
}

const synonyms: Record<ImportField, string[]> = {
  fullName: [
    'піб',
    'п.і.б',
    'прізвище імя по батькові',
    'фіо',
    'фио',
    'клієнт',
    'name',
    'full name',
    'fullname',
    'client',
    'контрагент',
    'абонент',
  ],
  lastName: ['прізвище', 'фамилия', 'last name', 'surname', 'lastname'],
  firstName: ['імя', 'имя', 'first name', 'firstname', 'given name'],
  middleName: ['по батькові', 'по-батькові', 'отчество', 'middle name', 'patronymic'],
  phone: ['телефон', 'тел', 'номер', 'мобільний', 'phone', 'mobile', 'tel', 'телефон 1', 'phone 1'],
  phone2: ['телефон 2', 'тел 2', 'додатковий телефон', 'phone 2', 'second phone', 'другий телефон'],
  address: ['адреса', 'адрес', 'address', 'вулиця', 'street'],
  city: ['місто', 'город', 'населений пункт', 'city', 'town'],
  email: ['email', 'e-mail', 'пошта', 'електронна пошта', 'mail'],
  personalAccount: [
    'особовий рахунок',
    'ос рахунок',
    'лицевой счет',
    'рахунок',
    'account',
    'account number',
  ],
  notes: ['примітки', 'примітка', 'коментар', 'notes', 'note', 'comment'],
  tags: ['мітки', 'теги', 'tags', 'tag', 'категорія', 'category'],
};

const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/['’ʼ`".:_#№]/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim();

/** A first guess of the mapping from the header names; the operator confirms it in the preview. */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const name = normalise(header);
    const field = importFields.find(
      (candidate) =>
        !taken.has(candidate) && synonyms[candidate].some((s) => normalise(s) === name),
    );
    if (field === undefined) return null;
    taken.add(field);
    return field;
  });
}
