import type { DataDirectoryInUseError } from '../platform/db/data-dir-lock.ts';
import type { Output } from './output.ts';

/** What a command can ask the running server instead (its API operation), and whether --via-server does that. */
interface ApiAlternative {
  route: string;
  operationId: string;
  hasViaServer?: boolean;
}

const API_ALTERNATIVES: Record<string, ApiAlternative> = {
  'register export': {
    route: 'GET /api/orgs/{org}/register/export?format=pdf|xlsx|csv|json',
    operationId: 'exportRegister',
    hasViaServer: true,
  },
  'register check': {
    route: 'GET /api/orgs/{org}/register/completeness',
    operationId: 'getRegisterCompleteness',
    hasViaServer: true,
  },
  'requests discover': { route: 'POST /api/orgs/{org}/discover', operationId: 'discoverSubject' },
  'audit verify': { route: 'POST /api/orgs/{org}/audit/verify', operationId: 'verifyAuditTrail' },
  'org create': { route: 'POST /api/orgs', operationId: 'createOrganisation' },
  'user create': { route: 'POST /api/orgs/{org}/invitations', operationId: 'createInvitation' },
};

/** Commands the running server has done itself, or that make no sense beside it. */
const SERVER_DOES_IT: Record<string, string> = { migrate: 'cli.inUse.migrate', serve: 'cli.inUse.serve' };

/**
 * Why the command did nothing and the ways out: stop the server, or ask it through its API (naming the
 * operation), or --via-server where the command has it. For a holder that is another command: wait for it.
 */
export function inUseReport(output: Output, error: DataDirectoryInUseError): { lines: string[]; json: object } {
  const { holder, directory } = error;
  const alternative = API_ALTERNATIVES[output.command];
  const lines = [
    error.isServer
      ? output.t('cli.inUse.server', { pid: holder.pid, directory, url: holder.url })
      : output.t('cli.inUse.command', { pid: holder.pid, directory, command: holder.command }),
    output.t('cli.inUse.why'),
  ];
  if (!error.isServer) lines.push(output.t('cli.inUse.waitForCommand'));
  else if (SERVER_DOES_IT[output.command]) {
    lines.push(output.t('cli.inUse.serverDoesIt', { what: output.t(SERVER_DOES_IT[output.command] as string) }));
  } else {
    lines.push(output.t('cli.inUse.waysOut'), `  - ${output.t('cli.inUse.stopServer', { pid: holder.pid })}`);
    if (alternative) {
      const route = alternative.route.replace(' ', ` ${holder.url}`);
      lines.push(
        `  - ${output.t('cli.inUse.useApi', { route, operationId: alternative.operationId, url: holder.url })}`,
      );
    }
    if (alternative?.hasViaServer) lines.push(`  - ${output.t('cli.inUse.viaServer')}`);
  }
  lines.push(output.t('cli.inUse.postgres'));
  const json = {
    code: 'database_in_use',
    detail: lines[0],
    holder: { pid: holder.pid, command: holder.command, url: holder.url ?? null },
    api: alternative ? { route: alternative.route, operationId: alternative.operationId } : null,
    viaServer: Boolean(alternative?.hasViaServer),
  };
  return { lines, json };
}
