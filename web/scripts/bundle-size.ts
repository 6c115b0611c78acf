import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The JavaScript a browser fetches before the first page renders: the entry script and its module preloads. */
export function initialJavaScript(distDir: string): {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
} {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const references = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1] as string);
  const files = references.map((reference) => ({
    file: reference,
    gzipBytes: gzipSync(readFileSync(path.join(distDir, reference)), { level: 9 }).length,
  }));
  return { files, gzipBytes: files.reduce((total, file) => total + file.gzipBytes, 0) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const distDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const { files, gzipBytes } = initialJavaScript(distDir);
  console.log(
    JSON.stringify({ initialJsGzipKB: Math.round(gzipBytes / 102.4) / 10, budgetKB: 300, files: files.length }),
  );
}
