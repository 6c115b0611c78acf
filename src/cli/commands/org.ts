import type { Command } from 'commander';
import * as identity from '../../modules/identity/service.ts';
import { ZCreateOrganisationRequest } from '../../modules/organisations/contract.ts';
import * as organisations from '../../modules/organisations/service.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import { action, addLocaleOption } from '../command.ts';
import { withRuntime } from '../runtime.ts';

interface OrgCreateOptions {
  name: string;
  owner: string;
  slug?: string;
  kvk?: string;
  street?: string;
  postcode?: string;
  city?: string;
  country?: string;
  locale?: string;
  processor?: boolean;
  controller?: boolean;
  requireMfa?: boolean;
  managedBy?: string;
}

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('manage organisations');
  const create = org.command('create');
  create
    .description('create an organisation with an existing account as its owner')
    .requiredOption('--name <name>', 'organisation name')
    .requiredOption('--owner <email>', 'e-mail address of the owner (an existing account)')
    .option('--slug <slug>', 'short name used in addresses (derived from the name when omitted)')
    .option('--kvk <number>', 'KvK number (8 digits)')
    .option('--street <street>', 'street and number')
    .option('--postcode <postcode>', 'postcode')
    .option('--city <city>', 'city')
    .option('--country <code>', 'country (ISO 3166 code)', 'NL')
    .option('--processor', 'the organisation is (also) a processor for others')
    .option('--no-controller', 'the organisation is not a controller')
    .option('--require-mfa', 'members must use two-factor authentication')
    .option('--managed-by <slug>', 'the ICT service provider organisation that looks after this one');
  addLocaleOption(create, "the organisation's language, which the messages then use too", 'nl');
  create.action(
    action(create, async (output, options: OrgCreateOptions) => {
      const result = await withRuntime(async ({ ctx }) => {
        const owner = await identity.findUserByEmail(ctx.db, options.owner.trim().toLowerCase());
        if (!owner)
          throw new AppError('invalid', 'validation_failed', {
            fieldErrors: [{ path: 'owner', code: 'user_unknown' }],
          });
        const manager = options.managedBy ? await organisations.organisationByRef(ctx, options.managedBy) : undefined;
        if (options.managedBy && !manager) {
          throw new AppError('invalid', 'validation_failed', {
            fieldErrors: [{ path: 'managedBy', code: 'organisation_unknown' }],
          });
        }
        const input = parseInput(ZCreateOrganisationRequest, {
          name: options.name,
          slug: options.slug,
          kvkNumber: options.kvk ?? null,
          street: options.street,
          postcode: options.postcode,
          city: options.city,
          country: options.country,
          defaultLocale: options.locale,
          isController: options.controller !== false,
          isProcessor: Boolean(options.processor),
          requireMfa: Boolean(options.requireMfa),
          managedByOrgId: manager?.id ?? null,
        });
        return organisations.createOrganisationForUser(ctx, input, owner.id);
      });
      output.adoptOrganisationLocale(result.defaultLocale);
      output.result(result, output.t('cli.done.orgCreated', { name: result.name, slug: result.slug, id: result.id }));
      return 0;
    }),
  );
}
