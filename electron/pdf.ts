/**
 * PDF export in the desktop app: the core writes the HTML report (in its worker), and this
 * prints it with Electron's own Chromium — an offscreen window with no scripts, no preload and
 * no network (the hardened session allows data: URLs only), printed with webContents.printToPDF.
 */
import { BrowserWindow } from 'electron';
import type { QuarryApp } from '../core/app.js';
import type { ExportResult } from '../core/contract/types.js';

export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      offscreen: true,
    },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: false,
      preferCSSPageSize: true,
    });
  } finally {
    win.destroy();
  }
}

/** `export.report` with format pdf: the same report as HTML from the core, printed here. */
export async function exportPdf(
  quarry: QuarryApp,
  input: Record<string, unknown>,
  origin: string,
): Promise<ExportResult> {
  const html = (await quarry.dispatcher.dispatch(
    'export.report',
    { ...input, format: 'html' },
    origin,
  )) as ExportResult;
  const pdf = await printHtmlToPdf(html.data);
  return {
    fileName: html.fileName.replace(/\.html$/, '.pdf'),
    mediaType: 'application/pdf',
    encoding: 'base64',
    data: pdf.toString('base64'),
  };
}
