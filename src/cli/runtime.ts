import { loadConfig } from '../config.ts';
import type { Runtime } from '../runtime.ts';

let commandName = 'privacydesk';

/** The command this process runs (one per process), named in the embedded database's lock while it holds it. */
export function useCommandName(name: string): void {
  commandName = name;
}

/**
 * The runtime for a one-off command: same database and key as the server, but no workers of its own. On the
 * embedded database it fails with DataDirectoryInUseError while another process (the server) holds it.
 */
export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(), runJobs: false };
  const { createRuntime } = await import('../runtime.ts');
  const runtime = await createRuntime(config, { command: commandName });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
