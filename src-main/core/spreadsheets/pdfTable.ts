import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import PDFDocument from 'pdfkit';

/** A report a supervisor prints: its title, who and what period, the table, and a closing line. */
export interface PdfTable {
  /** A TrueType font with Cyrillic (the standard PDF fonts have none). */
  fontFile: string;
  title: string;
  subtitle: string;
  header: readonly string[];
  rows: Iterable<string[]>;
  /** Each column's share of the page's width (they add up to 1). */
  widths: readonly number[];
  footer: string;
}

const margin = 40;
const fontSize = 9;

/**
 * A table as an A4 PDF, in the font given (so Ukrainian reads as written),
 * the header repeated on every page, long cells wrapped. Returns the rows
 * written. Written by pdfkit as a stream: nothing of the file is held whole.
 */
export async function writePdfTable(file: string, table: PdfTable): Promise<number> {
  const doc = new PDFDocument({ size: 'A4', margin, font: table.fontFile, bufferPages: false });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.info.Title = table.title;
  doc.fontSize(14).text(table.title);
  doc.fontSize(fontSize + 1).text(table.subtitle);
  doc.moveDown();
  const width = doc.page.width - 2 * margin;
  const columns = table.widths.map((share) => share * width);
  const line = (cells: readonly string[], bold: boolean) => {
    const heights = cells.map((cell, i) =>
      doc.heightOfString(cell, { width: (columns[i] ?? 0) - 4 }),
    );
    const height = Math.max(fontSize + 2, ...heights) + 4;
    if (doc.y + height > doc.page.height - margin) {
      doc.addPage();
      if (!bold) line(table.header, true);
    }
    const top = doc.y;
    let x = margin;
    doc.fontSize(fontSize).fillColor(bold ? '#000000' : '#222222');
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, top + 2, { width: (columns[i] ?? 0) - 4 });
      x += columns[i] ?? 0;
    });
    doc
      .moveTo(margin, top + height)
      .lineTo(margin + width, top + height)
      .lineWidth(bold ? 1 : 0.3)
      .strokeColor('#888888')
      .stroke();
    doc.x = margin;
    doc.y = top + height;
  };
  line(table.header, true);
  let written = 0;
  for (const row of table.rows) {
    line(row, false);
    written++;
  }
  doc.moveDown();
  doc
    .fontSize(fontSize + 1)
    .fillColor('#000000')
    .text(table.footer, margin);
  doc.end();
  await once(out, 'finish');
  return written;
}
