import { createRuntime, type Runtime } from '../app.ts';
import { loadConfig } from '../config.ts';

/** The runtime for a one-off command: same database and key as the server, but no workers of its own. */
export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(), runJobs: false };
  const runtime = await createRuntime(config);
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
