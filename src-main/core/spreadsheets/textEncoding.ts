export type TextEncoding = 'utf8' | 'utf16le' | 'windows1251';

/**
 * What a client base file from Excel or 1C is written in: a BOM says so
 * (UTF-8, or UTF-16 LE from Excel's "Unicode text"); otherwise text that is
 * valid UTF-8 is UTF-8, and anything else is taken as Windows-1251, the
 * Cyrillic code page of older Ukrainian software. Valid UTF-8 by accident is
 * practically impossible for Cyrillic Windows-1251 text.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  // A multi-byte character may be cut at the end of the sample.
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf8';
  } catch {
    return 'windows1251';
  }
}
