import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import yauzl, { type Entry } from 'yauzl';
import { SpreadsheetError } from './spreadsheetError';

/**
 * What an XLSX may unpack to. A million-row sheet of clients unpacks to about
 * 400 MB of XML; a sheet compresses 5 to 30 times (repetitive exports up to
 * about 80); a zip bomb, thousands of times.
 */
export interface XlsxArchiveLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
  /** Unpacked to packed, for entries past 1 MiB. */
  maxRatio: number;
}

export const xlsxArchiveLimits: XlsxArchiveLimits = {
  maxEntries: 10_000,
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
};

/** Where an XLSX keeps its worksheets (ECMA-376 part names, as Excel and LibreOffice write them). */
export const worksheetPart = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * Proves an XLSX is what it says before its sheet is parsed: its entries'
 * sizes are read from the central directory and checked against the limits,
 * then every entry is unpacked and counted, so a size the archive lies about
 * ends the check too (yauzl compares what it inflates with what the
 * directory declared). Costs one inflate of the file, on the file thread.
 * Gives the archive's entry names.
 */
export async function checkXlsxArchive(
  file: string,
  limits: XlsxArchiveLimits = xlsxArchiveLimits,
): Promise<string[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, {
      validateEntrySizes: true,
      strictFileNames: false,
      // Entries are read after the directory is walked.
      autoClose: false,
    });
  } catch (error) {
    throw new SpreadsheetError('xlsxDamaged', String(error));
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new SpreadsheetError('xlsxTooLarge', `${zip.entryCount} entries`);
    const entries: Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUnpackedBytes)
        throw new SpreadsheetError('xlsxTooLarge', `unpacks to more than ${declared} bytes`);
      if (
        entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
      )
        throw new SpreadsheetError(
          'xlsxTooLarge',
          `${entry.fileName} is packed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} to 1`,
        );
      entries.push(entry);
    }
    if (!entries.some((entry) => worksheetPart.test(entry.fileName)))
      throw new SpreadsheetError('xlsxNoSheet', 'no xl/worksheets/sheetN.xml');
    for (const entry of entries) if (!entry.fileName.endsWith('/')) await drain(zip, entry);
    return entries.map((entry) => entry.fileName);
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError('xlsxDamaged', String(error));
  } finally {
    zip.close();
  }
}

async function drain(zip: yauzl.ZipFile, entry: Entry): Promise<void> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  // Consumed and dropped: only yauzl's own size check matters here.
  stream.resume();
  await finished(stream);
}
