/**
 * PDF: the HTML report printed by a browser engine. The core only knows this port; hosts supply
 * the printer — Electron's webContents.printToPDF, or an installed Chromium/Chrome/Edge run
 * headless for the CLI and `quarry serve` (cli/pdf/chromium.ts).
 */
import { QuarryError } from '../errors.js';

export interface PdfPrinter {
  /** Prints one self-contained HTML page (A4, backgrounds on) and returns the PDF's bytes. */
  print(html: string): Promise<Uint8Array>;
}

export async function printPdf(html: string, printer: PdfPrinter | undefined): Promise<Buffer> {
  if (!printer) {
    throw new QuarryError(
      'Unsupported',
      'PDF export needs a printer: this host has none. Export HTML and print it from a browser.',
    );
  }
  const bytes = Buffer.from(await printer.print(html));
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new QuarryError('Internal', 'The PDF printer returned something that is not a PDF.');
  }
  return bytes;
}
