import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialJavaScript } from '../web/scripts/bundle-size.ts';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

describe('the web build', () => {
  it('keeps the JavaScript of the first page within 300 KB gzip (DESIGN.md performance target)', () => {
    const { files, gzipBytes } = initialJavaScript(distDir);
    console.log(`[web] initial JavaScript: ${(gzipBytes / 1024).toFixed(1)} KB gzip in ${files.length} files`);
    expect(files.length).toBeGreaterThan(1);
    expect(gzipBytes).toBeLessThanOrEqual(300 * 1024);
  });
});
