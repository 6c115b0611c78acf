import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBreachesCommands } from './commands/breaches.ts';
import { registerDemoCommands } from './commands/demo.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerOrgCommands } from './commands/org.ts';
import { registerRegisterCommands } from './commands/register.ts';
import { registerRegisterExportCommand } from './commands/register-export.ts';
import { registerRequestsCommands } from './commands/requests.ts';
import { registerRetentionCommands } from './commands/retention.ts';
import { registerSecretsCommands } from './commands/secrets.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommands } from './commands/user.ts';

const program = new Command()
  .name('privacydesk')
  .description(
    'privacydesk: the self-hosted privacy (AVG/GDPR) office. Configuration comes from the environment (see README).\n' +
      "Commands answer in the organisation's language (the one --org names), in English when they name none; " +
      '--locale nl|en chooses.\n' +
      'Exit codes: 0 done, 1 a check found problems, 2 bad input, 3 failed, 4 the embedded database is in use by ' +
      'the running server (stop it, use its API, or --via-server where offered).',
  )
  .option('--json', 'machine-readable output (results and errors as JSON)')
  .configureHelp({ showGlobalOptions: true })
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerMigrateCommand(program);
registerUserCommands(program);
registerOrgCommands(program);
registerRegisterCommands(program);
registerRegisterExportCommand(program);
registerRetentionCommands(program);
registerRequestsCommands(program);
registerBreachesCommands(program);
registerAuditCommands(program);
registerDemoCommands(program);
registerSecretsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string; exitCode?: number }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exit(0);
  if (code?.startsWith('commander.')) process.exit(2);
  throw error;
}
