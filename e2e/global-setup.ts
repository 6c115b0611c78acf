import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumUnavailableReason } from './project.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the web app is built from: its own sources and the server files it imports (contracts, messages). */
const WEB_INPUTS = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'web/public',
  'src/shared',
  'src/modules',
  'src/platform/i18n',
];

/** Of src/modules only the contracts reach the browser; other modules' work in progress needs no rebuild. */
const isWebInput = (file: string) =>
  !file.includes(`${path.sep}src${path.sep}modules${path.sep}`) || file.endsWith('contract.ts');

function newestChange(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return isWebInput(target) ? stats.mtimeMs : 0;
  return Math.max(0, ...readdirSync(target).map((name) => newestChange(path.join(target, name))));
}

function isWebAppStale(): boolean {
  const builtIndex = path.join(root, 'web/dist/index.html');
  if (!existsSync(builtIndex)) return true;
  const builtAt = statSync(builtIndex).mtimeMs;
  return WEB_INPUTS.some((input) => newestChange(path.join(root, input)) > builtAt);
}

/** Global setup of the e2e project: Chromium must be there, and web/dist must be built from the current sources. */
export default function setup() {
  const chromiumProblem = chromiumUnavailableReason();
  if (chromiumProblem) throw new Error(chromiumProblem);
  if (!isWebAppStale()) return;
  console.log('[e2e] building the web app (web/dist is missing or older than its sources)');
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which Vite would respect and so build React's development bundle.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (build.status !== 0) throw new Error(`building the web app failed (exit ${build.status})`);
}
