/**
 * A UUIDv7 (RFC 9562) in SQL, from a row's creation time: 48 bits of Unix
 * milliseconds, the version, the variant and random bits.
 */
export function uuidv7From(column: string): string {
  const ms = `printf('%012x', CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER))`;
  return `lower(substr(${ms}, 1, 8) || '-' || substr(${ms}, 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3)
    || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3)
    || '-' || hex(randomblob(6)))`;
}
