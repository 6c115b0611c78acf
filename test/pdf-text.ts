import { spawnSync } from 'node:child_process';

/**
 * The text of a PDF in content order (`pdftotext -raw`, Debian's poppler-utils): what a screen reader or a copy gets out of
 * the document. Fails with the install hint when the tool is missing.
 */
export function pdfText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    throw new Error(
      `pdftotext could not run (${result.error.message}); install it with: apt-get install -y poppler-utils`,
    );
  }
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr.toString()}`);
  return result.stdout.toString('utf8');
}
