import { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Each top-level command and how to load it. Only the command a run names is loaded (`--help` without one loads
 * them all), so `privacydesk requests deadline` does not pay for the server's modules.
 */
const COMMANDS: Record<string, () => Promise<Register[]>> = {
  serve: async () => [(await import('./commands/serve.ts')).registerServeCommand],
  migrate: async () => [(await import('./commands/migrate.ts')).registerMigrateCommand],
  user: async () => [(await import('./commands/user.ts')).registerUserCommands],
  org: async () => [(await import('./commands/org.ts')).registerOrgCommands],
  register: async () => [
    (await import('./commands/register.ts')).registerRegisterCommands,
    (await import('./commands/register-export.ts')).registerRegisterExportCommand,
  ],
  retention: async () => [(await import('./commands/retention.ts')).registerRetentionCommands],
  requests: async () => [(await import('./commands/requests.ts')).registerRequestsCommands],
  breaches: async () => [(await import('./commands/breaches.ts')).registerBreachesCommands],
  measures: async () => [(await import('./commands/measures.ts')).registerMeasuresCommands],
  audit: async () => [(await import('./commands/audit.ts')).registerAuditCommands],
  demo: async () => [(await import('./commands/demo.ts')).registerDemoCommands],
  secrets: async () => [(await import('./commands/secrets.ts')).registerSecretsCommands],
};

/** The commands to load for these arguments: the one named first, or every one (help, or an unknown name). */
function commandsToLoad(args: string[]): string[] {
  const named = args.find((arg) => !arg.startsWith('-'));
  return named && named in COMMANDS ? [named] : Object.keys(COMMANDS);
}

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

for (const name of commandsToLoad(process.argv.slice(2))) {
  for (const register of await COMMANDS[name]!()) register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string; exitCode?: number }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exit(0);
  if (code?.startsWith('commander.')) process.exit(2);
  throw error;
}
