import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** A client file as Excel writes it with ";": `rows` clients "Клієнт НомерN" with distinct Kyivstar numbers. */
export async function writeClientsCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('ПІБ;Телефон;Адреса;Місто\n');
  for (let i = 0; i < rows; i++) {
    out.write(`Клієнт Номер${i};067${String(1_000_000 + i)};вул. Садова, ${i % 300};Полтава\n`);
  }
  out.end();
  await once(out, 'finish');
}
