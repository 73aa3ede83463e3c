import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text a PDF shows, page after page, as a reader would copy it (pdf.js). */
export async function pdfText(file: string): Promise<string> {
  const data = new Uint8Array(await readFile(file));
  const task = getDocument({ data, useSystemFonts: false });
  const pdf = await task.promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await task.destroy();
  return parts.join(' ');
}
