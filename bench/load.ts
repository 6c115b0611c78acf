import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Application } from '../src/app.ts';
import { latencies } from './lib/measure.ts';
import type { RegisterFixture } from './lib/register-fixture.ts';

/**
 * Load on the register's routes: `connections` (200) clients at once over loopback TCP, each sending its requests
 * one after another on a kept-alive connection, against the real listening server (no `inject`). Bounded in count
 * (`rounds` requests per connection) and in time (no request starts after `seconds`). The baseline is `/readyz`
 * under the same load: the same HTTP stack and one database round trip, no session, no register.
 */

export interface LoadSettings {
  connections: number;
  /** Requests per connection for the list (the completeness check, which reads the whole register, gets one). */
  rounds: number;
  seconds: number;
}

interface LoadRun {
  samples: number[];
  errors: number;
  seconds: number;
}

function get(agent: http.Agent, port: number, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers: { cookie } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function load(port: number, path: string, cookie: string, settings: LoadSettings, rounds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.connections });
  const deadline = Date.now() + settings.seconds * 1000;
  const run: LoadRun = { samples: [], errors: 0, seconds: 0 };
  const started = process.hrtime.bigint();
  const client = async () => {
    for (let round = 0; round < rounds && Date.now() < deadline; round++) {
      const start = process.hrtime.bigint();
      const status = await get(agent, port, path, cookie).catch(() => 0);
      run.samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (status !== 200) run.errors++;
    }
  };
  await Promise.all(Array.from({ length: settings.connections }, client));
  run.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return run;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function loadLine(bench: string, engine: string, subject: LoadRun, baseline: LoadRun, extra: Record<string, unknown>) {
  const measured = latencies(subject.samples);
  const floor = latencies(baseline.samples);
  const rate = (run: LoadRun) => run.samples.length / run.seconds;
  return JSON.stringify({
    bench,
    engine,
    connections: extra.connections,
    requests: subject.samples.length,
    errors: subject.errors,
    p50_ms: round(measured.p50),
    p95_ms: round(measured.p95),
    req_per_s: round(rate(subject)),
    baseline: '/readyz',
    baseline_p50_ms: round(floor.p50),
    baseline_p95_ms: round(floor.p95),
    baseline_req_per_s: round(rate(baseline)),
    ratio_p95: round(measured.p95 / floor.p95, 2),
    ratio_req_per_s: round(rate(subject) / rate(baseline), 3),
    ...extra,
  });
}

/** The activities list and the completeness check under `connections` concurrent clients, each against /readyz. */
export async function runLoadBenchmarks(
  app: Application,
  engine: string,
  fixture: RegisterFixture,
  cookie: string,
  settings: LoadSettings,
  emit: (line: string) => void,
): Promise<void> {
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.http.server.address() as AddressInfo;
  const extra = { connections: settings.connections, activities: fixture.activities, systems: fixture.systems };
  const routes = [
    { bench: 'load-activities-list', path: `/api/orgs/${fixture.orgId}/activities?limit=50`, rounds: settings.rounds },
    {
      bench: 'load-activities-by-completeness',
      path: `/api/orgs/${fixture.orgId}/activities?limit=50&sort=completeness`,
      rounds: settings.rounds,
    },
    { bench: 'load-completeness', path: `/api/orgs/${fixture.orgId}/register/completeness`, rounds: 1 },
  ];
  for (const route of routes) {
    const baseline = await load(port, '/readyz', '', settings, route.rounds);
    const subject = await load(port, route.path, cookie, settings, route.rounds);
    emit(loadLine(route.bench, engine, subject, baseline, extra));
  }
}
