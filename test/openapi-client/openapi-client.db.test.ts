import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/app.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { TestClient } from '../client.ts';

// A TypeScript client generated from the OpenAPI document (openapi-typescript) type-checks against the web app's
// own calls (web/src/api/, listed in web-calls.ts): the document says what the web app relies on.

let app: TestApp;
let workDir: string;
beforeAll(async () => {
  app = await createTestApp();
  workDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-openapi-client-'));
});
afterAll(async () => {
  await app?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const TSC = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const WEB_CALLS = path.join(projectRoot, 'test', 'openapi-client', 'web-calls.ts');

/** Type-checks `source` (beside the generated `openapi.d.ts`) with the project's compiler options; its errors. */
function typeCheck(source: string): string {
  writeFileSync(path.join(workDir, 'check.ts'), source);
  const tsconfig = {
    extends: path.join(projectRoot, 'tsconfig.json'),
    compilerOptions: { types: [], noEmit: true },
    include: ['check.ts'],
  };
  writeFileSync(path.join(workDir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const result = spawnSync(process.execPath, [TSC, '-p', path.join(workDir, 'tsconfig.json')], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim();
}

describe('a client generated from the OpenAPI document', () => {
  it('fits every call the web app makes', { timeout: 120_000 }, async () => {
    const document = (await new TestClient(app.http).get('/api/openapi.json')).body;
    writeFileSync(path.join(workDir, 'openapi.d.ts'), await openapiTS(document));

    const errors = typeCheck(
      [
        "import type { paths } from './openapi.d.ts';",
        `import type { AllFit, WebCallsAgainst } from ${JSON.stringify(WEB_CALLS)};`,
        'export const webCalls: AllFit<paths> = {} as WebCallsAgainst<paths>;',
      ].join('\n'),
    );
    expect(errors).toBe('');
  });

  it('would name a call that no longer fits (the check can fail)', { timeout: 120_000 }, () => {
    const errors = typeCheck(
      [
        `import type { AllFit, WebCallsAgainst } from ${JSON.stringify(WEB_CALLS)};`,
        "type Changed = { '/api/orgs/{org}/vendors': { post: { requestBody: { content: { 'application/json': { name: number } } } } } };",
        "export const create: AllFit<Changed>['vendors.create'] = {} as WebCallsAgainst<Changed>['vendors.create'];",
      ].join('\n'),
    );
    expect(errors).toMatch(/check\.ts.*error TS2322: Type '\{ expected: \{ name: number; \}; actual: \{ name: string;/);
  });
});
