import type { TExportProgress } from '../modules/register/contract.ts';

/** Pages between two progress lines when stderr is not a terminal (a log should not get a line per page). */
const LOG_EVERY_PAGES = 100;

function describe(progress: TExportProgress): string {
  switch (progress.phase) {
    case 'preparing':
      return 'Reading the register…';
    case 'layout':
      return `Laying out the PDF: ${progress.pages} pages so far`;
    case 'render':
      return `Drawing the PDF: page ${progress.page} of ${progress.pages}`;
    case 'done':
      return 'Export ready';
    case 'failed':
      return 'Export failed';
  }
}

/**
 * A progress line on stderr for a long export: rewritten in place on a terminal; elsewhere a line at each phase and
 * every LOG_EVERY_PAGES pages. stdout keeps only the result.
 */
export function exportProgressLine(stream: NodeJS.WriteStream = process.stderr) {
  let lastPhase = '';
  let lastPages = 0;
  return (progress: TExportProgress) => {
    const pages = progress.phase === 'layout' ? progress.pages : progress.phase === 'render' ? progress.page : 0;
    if (stream.isTTY) {
      stream.write(`\r\x1b[2K${describe(progress)}${progress.phase === 'done' ? '\n' : ''}`);
      return;
    }
    if (progress.phase === lastPhase && pages - lastPages < LOG_EVERY_PAGES) return;
    lastPhase = progress.phase;
    lastPages = pages;
    stream.write(`${describe(progress)}\n`);
  };
}
