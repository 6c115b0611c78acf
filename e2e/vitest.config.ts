import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { chromiumUnavailableReason, e2eProject } from './project.ts';

/** `npm run test:e2e`: only the browser tests (the root vitest.config.ts runs them together with the rest). */
export default defineConfig(() => {
  const problem = chromiumUnavailableReason();
  if (problem) throw new Error(problem);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return { root, test: { environment: 'node' as const, projects: [e2eProject] } };
});
