import path from 'node:path';
import type { TConfig } from '../config.ts';
import { isHolderAlive, lockFileOf, readLockHolder } from '../platform/db/data-dir-lock.ts';
import type { Problem } from '../platform/http/problem.ts';
import { type Output, RemoteProblemError, UsageError } from './output.ts';

/**
 * --via-server: the command asks the running server's API instead of opening the database, so the server does
 * the work (and writes its audit record) while it holds the embedded database. Authenticates with an
 * organisation API token from PRIVACYDESK_API_TOKEN (never an option: it would land in the shell history).
 */
export interface ServerClient {
  url: string;
  get(pathAndQuery: string): Promise<Response>;
  getJson<T>(pathAndQuery: string): Promise<T>;
}

/** The server that holds this data directory (its PUBLIC_URL from the lock), or PUBLIC_URL on PostgreSQL. */
function runningServerUrl(config: TConfig, output: Output): string {
  if (config.databaseUrl) return config.publicUrl;
  const holder = readLockHolder(lockFileOf(path.join(config.dataDir, 'pglite')));
  if (holder?.command !== 'serve' || !holder.url || !isHolderAlive(holder)) {
    throw new UsageError(output.t('cli.viaServer.noServer', { directory: config.dataDir }));
  }
  return holder.url;
}

async function problemOf(response: Response): Promise<Problem | undefined> {
  try {
    const body = (await response.json()) as Problem;
    return typeof body?.code === 'string' ? body : undefined;
  } catch {
    return undefined;
  }
}

export function serverClient(config: TConfig, output: Output, env: NodeJS.ProcessEnv = process.env): ServerClient {
  const token = env.PRIVACYDESK_API_TOKEN;
  if (!token) throw new UsageError(output.t('cli.viaServer.tokenMissing'));
  const url = runningServerUrl(config, output);
  const get = async (pathAndQuery: string) => {
    let response: Response;
    try {
      response = await fetch(`${url}${pathAndQuery}`, {
        headers: { authorization: `Bearer ${token}`, 'accept-language': output.locale },
      });
    } catch (error) {
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new Error(output.t('cli.viaServer.unreachable', { url, reason }));
    }
    if (response.ok) return response;
    const problem = await problemOf(response);
    if (problem) throw new RemoteProblemError(problem);
    throw new Error(output.t('cli.viaServer.unreachable', { url, reason: `HTTP ${response.status}` }));
  };
  return { url, get, getJson: async <T>(pathAndQuery: string) => (await (await get(pathAndQuery)).json()) as T };
}

export const VIA_SERVER_HELP =
  'let the running privacydesk server do it through its API (token in PRIVACYDESK_API_TOKEN), for when it holds ' +
  'the embedded database (on PostgreSQL: the server at PUBLIC_URL)';
