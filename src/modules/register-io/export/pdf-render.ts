import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import path from 'node:path';

type Pdfmake = typeof import('pdfmake');

import type { TDocumentDefinitions } from 'pdfmake/interfaces';

let configured: Promise<Pdfmake> | undefined;

/**
 * How far a render is: pdfmake first lays the whole document out into pages (`layout`, counting the pages laid
 * out so far), then draws them (`render`, page of pages).
 */
export type PdfProgress = { phase: 'layout'; pages: number } | { phase: 'render'; page: number; pages: number };
export type PdfProgressListener = (progress: PdfProgress) => void;

interface RenderTracker {
  listener: PdfProgressListener;
  pages: number;
  renderedPage: number;
}

/** The tracker of the render whose asynchronous context pdfmake calls back in (several may run at once). */
const currentRender = new AsyncLocalStorage<RenderTracker>();

/**
 * pdfmake reports progress only while drawing; laying out is most of the time. Its layout adds every page through
 * DocumentContext.addPage, so that is where pages laid out are counted (an internal of pdfmake 0.3: should it move,
 * progress simply shows the drawing phase only).
 */
function trackLayoutPages(): void {
  const require = createRequire(import.meta.url);
  const documentContext = (require('pdfmake/js/DocumentContext.js') as { default?: { prototype: object } }).default;
  const prototype = documentContext?.prototype as { addPage?: (...args: unknown[]) => unknown } | undefined;
  const addPage = prototype?.addPage;
  if (!prototype || typeof addPage !== 'function') return;
  prototype.addPage = function (this: { pages: unknown[] }, ...args: unknown[]) {
    const page = addPage.apply(this, args);
    const tracker = currentRender.getStore();
    // Headers, footers and table measurements lay out in contexts of their own: count the document's pages only.
    if (tracker && this.pages.length > tracker.pages) {
      tracker.pages = this.pages.length;
      tracker.listener({ phase: 'layout', pages: tracker.pages });
    }
    return page;
  };
}

function reportDrawing(fraction: number): void {
  const tracker = currentRender.getStore();
  if (!tracker) return;
  const page = Math.min(tracker.pages, Math.max(1, Math.ceil(fraction * tracker.pages)));
  if (page === tracker.renderedPage) return;
  tracker.renderedPage = page;
  tracker.listener({ phase: 'render', page, pages: tracker.pages });
}

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
async function loadConfigured(): Promise<Pdfmake> {
  const pdfmake = (await import('pdfmake')).default;
  const fonts = robotoFonts();
  const fontFiles = new Set(Object.values(fonts.Roboto));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => fontFiles.has(path.resolve(file)));
  pdfmake.addFonts(fonts);
  pdfmake.setProgressCallback(reportDrawing);
  trackLayoutPages();
  return pdfmake;
}

/** pdfmake, loaded and configured on the first render (a process that renders nothing never loads it). */
function configure(): Promise<Pdfmake> {
  configured ??= loadConfigured();
  return configured;
}

/** Renders a document; `onProgress` hears of every page laid out and drawn. */
export async function renderPdf(document: TDocumentDefinitions, onProgress?: PdfProgressListener): Promise<Buffer> {
  const pdfmake = await configure();
  if (!onProgress) return pdfmake.createPdf(document).getBuffer();
  const tracker: RenderTracker = { listener: onProgress, pages: 0, renderedPage: 0 };
  return currentRender.run(tracker, () => pdfmake.createPdf(document).getBuffer());
}
