import { describe, expect, it } from 'vitest';
import { sampleSnapshot } from '../../../../test/register-snapshot.ts';
import { registerPdf } from './pdf-document.ts';
import { type PdfProgress, registerPdfOffThread } from './pdf-off-thread.ts';

/** The pages a PDF render reported: laid out (counting up), then drawn (page of pages, up to the last). */
function expectPageProgress(reported: PdfProgress[]) {
  const layout = reported.filter((progress) => progress.phase === 'layout');
  const drawn = reported.filter((progress) => progress.phase === 'render');
  expect(layout.length).toBeGreaterThan(1);
  expect(layout.map((progress) => progress.pages)).toEqual(layout.map((_, index) => index + 1));
  const pages = layout.at(-1)?.pages;
  expect(drawn.at(-1)).toEqual({ phase: 'render', page: pages, pages });
  expect(reported.indexOf(drawn[0] as PdfProgress)).toBeGreaterThan(reported.indexOf(layout.at(-1) as PdfProgress));
}

describe('PDF progress', { timeout: 60_000 }, () => {
  it('reports every page laid out, then the pages drawn', async () => {
    const reported: PdfProgress[] = [];
    const pdf = await registerPdf(sampleSnapshot(), 'nl', (progress) => reported.push(progress));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expectPageProgress(reported);
  });

  it('reports them from the worker thread too, and keeps two renders at once apart', async () => {
    const inWorker: PdfProgress[] = [];
    const inPlace: PdfProgress[] = [];
    await Promise.all([
      registerPdfOffThread(sampleSnapshot(), 'en', (progress) => inWorker.push(progress)),
      registerPdf(sampleSnapshot(), 'nl', (progress) => inPlace.push(progress)),
    ]);
    expectPageProgress(inWorker);
    expectPageProgress(inPlace);
  });
});
