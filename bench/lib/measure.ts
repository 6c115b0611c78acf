/** Timing helpers: latency samples, nearest-rank percentiles, and the JSON line every benchmark prints. */

export interface Latencies {
  p50: number;
  p95: number;
}

/** The p-th percentile (0–100) of the samples by nearest rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function latencies(samples: number[]): Latencies {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Measures a subject against its baseline, interleaved (subject, baseline, subject, …) so drift in the machine's
 * load hits both alike; `warmup` rounds of each are run first and discarded.
 */
export async function compare(
  subject: () => Promise<void>,
  baseline: () => Promise<void>,
  options: { n: number; warmup: number },
): Promise<{ subject: Latencies; baseline: Latencies }> {
  for (let i = 0; i < options.warmup; i++) {
    await subject();
    await baseline();
  }
  const subjectSamples: number[] = [];
  const baselineSamples: number[] = [];
  for (let i = 0; i < options.n; i++) {
    subjectSamples.push(await timed(subject));
    baselineSamples.push(await timed(baseline));
  }
  return { subject: latencies(subjectSamples), baseline: latencies(baselineSamples) };
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** One benchmark's result as the JSON line `npm run bench` prints: figures, baseline, and their ratios. */
export function resultLine(
  head: { bench: string; engine: string; n: number },
  measured: { subject: Latencies; baseline: Latencies },
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    ...head,
    p50_ms: round(measured.subject.p50),
    p95_ms: round(measured.subject.p95),
    baseline_p50_ms: round(measured.baseline.p50),
    baseline_p95_ms: round(measured.baseline.p95),
    ratio_p50: round(measured.subject.p50 / measured.baseline.p50, 2),
    ratio_p95: round(measured.subject.p95 / measured.baseline.p95, 2),
    ...extra,
  });
}
