import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/** The chunks the first page waits for: the entry, the app and the default language's texts, with their imports. */
const FIRST_PAGE = ['index.html', 'src/app/App.tsx', 'src/i18n/catalogs/nl.ts'];

/** The JavaScript a browser downloads before the first page renders, with its gzip size. */
export function initialJavaScript(distDir: string): {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
} {
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const needed = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || needed.has(chunk.file)) return;
    needed.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of FIRST_PAGE) {
    if (!manifest[key]) throw new Error(`${key} is not in the build manifest`);
    visit(key);
  }
  const files = [...needed].map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length,
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
