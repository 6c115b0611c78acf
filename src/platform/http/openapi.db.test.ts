import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { addMember, createOrganisation } from '../../../test/factories.ts';
import { projectRoot } from '../../app.ts';
import { OPERATION_ID_PATTERN, ZProblem } from './openapi.ts';

type Operation = { operationId?: string; responses: Record<string, unknown> };
type OpenApiDocument = {
  servers: { url: string }[];
  info: { license: { identifier: string } };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
};

let app: TestApp;
let document: OpenApiDocument;
let workDir: string;

beforeAll(async () => {
  app = await createTestApp();
  document = (await new TestClient(app.http).get('/api/openapi.json')).body;
  workDir = mkdtempSync(path.join(tmpdir(), 'privacydesk-openapi-'));
});
afterAll(async () => {
  await app?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function operations(): { method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );
}

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer: string }[];
}

/** Redocly CLI's `lint` with its recommended rules, on the document as a file; every problem it reports. */
function lintWithRedocly(): { totals: { errors: number; warnings: number }; problems: LintProblem[] } {
  const file = path.join(workDir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const bin = path.join(projectRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
  const args = [bin, 'lint', '--extends=recommended', '--format=json', '--max-problems=1000', file];
  const result = spawnSync(process.execPath, args, {
    cwd: workDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: workDir, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (!result.stdout.trim().startsWith('{')) throw new Error(`redocly lint did not run:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

describe('the OpenAPI document', () => {
  it('passes Redocly CLI’s recommended rules without an error or a warning', { timeout: 60_000 }, () => {
    const report = lintWithRedocly();
    const problems = report.problems.map(
      (problem) => `${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('names every operation with a unique verbNoun operationId, stable across versions', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(80);
    const ids = all.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !id || !OPERATION_ID_PATTERN.test(id))).toEqual([]);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
    // Clients generated from the document call these names: renaming one breaks them.
    expect(document.paths['/api/orgs/{org}/vendors']?.get?.operationId).toBe('listVendors');
    expect(document.paths['/api/orgs/{org}/register/export']?.get?.operationId).toBe('exportRegister');
    expect(document.paths['/api/auth/sign-in']?.post?.operationId).toBe('signIn');
  });

  it('names the server (PUBLIC_URL) and the licence', () => {
    expect(document.servers).toEqual([{ url: 'http://privacydesk.test', description: expect.any(String) }]);
    expect(document.info.license).toMatchObject({ identifier: 'AGPL-3.0-or-later' });
  });

  it('documents the problem+json answers each route can give, with the Problem schema', () => {
    const responses = (path: string, method: string) =>
      Object.keys(document.paths[path]?.[method]?.responses ?? {}).filter((status) => status.startsWith('4'));
    expect(responses('/api/orgs/{org}/vendors', 'post')).toEqual(['400', '401', '403', '404', '409', '413', '415']);
    expect(responses('/api/orgs/{org}/vendors', 'get')).toEqual(['400', '401', '403', '404']);
    expect(responses('/api/auth/sign-in', 'post')).toEqual(['400', '401', '403', '409', '413', '415', '429']);
    expect(responses('/api/me', 'get')).toEqual(['401', '403']);
    expect(document.components.responses.NotFound).toEqual({
      description: expect.any(String),
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(document.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: ['type', 'title', 'status', 'code', 'detail', 'correlationId'],
    });
  });
});

/**
 * Every route, asked the ways that go wrong — anonymous, with an unknown API token, cross-site, with a broken
 * body, and as a viewer with ids that do not exist — answers only statuses its operation documents, each as a
 * problem that matches the Problem schema.
 */
describe('the documented error answers are the ones routes give', () => {
  it('holds for every operation', { timeout: 120_000 }, async () => {
    const org = await createOrganisation(app);
    const viewer = await addMember(app, org, 'viewer');
    const anonymous = new TestClient(app.http);
    const unknownToken = new TestClient(app.http, { bearer: 'pd_unknown-token' });
    const values: Record<string, string> = { org: org.id, token: 'unknown-invitation', templateId: 'unknown' };
    const undocumented: string[] = [];
    const shapeless: string[] = [];

    // Signing out ends the viewer's session; it goes last so the other probes run signed in.
    const ordered = operations().sort(
      (a, b) => Number(a.path === '/api/auth/sign-out') - Number(b.path === '/api/auth/sign-out'),
    );
    for (const { method, path: template, operation } of ordered) {
      const url = template.replace(
        /\{(\w+)\}/g,
        (_, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000',
      );
      const verb = method.toUpperCase() as 'GET';
      const hasBody = verb !== 'GET' && verb !== 'DELETE';
      const body = hasBody ? {} : undefined;
      const probes = [
        anonymous.request(verb, url, body),
        unknownToken.request(verb, url, body),
        viewer.client.request(verb, url, body),
        ...(verb === 'GET' ? [] : [anonymous.request(verb, url, body, { 'sec-fetch-site': 'cross-site' })]),
        ...(hasBody ? [viewer.client.request(verb, url, '{"broken', { 'content-type': 'application/json' })] : []),
      ];
      for (const response of await Promise.all(probes)) {
        if (response.status < 400) continue;
        const where = `${method} ${template} → ${response.status}`;
        if (!(String(response.status) in operation.responses)) undocumented.push(where);
        if (!ZProblem.safeParse(response.body).success) shapeless.push(where);
      }
    }
    expect(undocumented).toEqual([]);
    expect(shapeless).toEqual([]);
  });
});
