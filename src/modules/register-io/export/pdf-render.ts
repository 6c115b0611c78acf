import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

let isConfigured = false;

/** pdfmake's bundled Roboto, on disk in its package. */
function robotoFonts() {
  const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts');
  const font = (file: string) => path.join(fontDir, 'Roboto', file);
  return {
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  };
}

/**
 * pdfmake may fetch URLs and read local files named in a document (CVE-2026-26801). Register documents hold text
 * that people typed, so URLs are refused outright and local files are refused except the four font files.
 */
function configure(): void {
  if (isConfigured) return;
  const fonts = robotoFonts();
  const fontFiles = new Set(Object.values(fonts.Roboto));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => fontFiles.has(path.resolve(file)));
  pdfmake.addFonts(fonts);
  isConfigured = true;
}

export async function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(document).getBuffer();
}
