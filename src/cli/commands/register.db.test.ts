import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.ts';
import { type CliDatabase, createCliDatabase, runCli } from '../../../test/cli.ts';
import { organisationInput } from '../../../test/factories.ts';
import { loadConfig } from '../../config.ts';
import { allDataCategories, allSubjectCategories } from '../../modules/categories/service.ts';
import * as identity from '../../modules/identity/service.ts';
import * as organisations from '../../modules/organisations/service.ts';
import type { TCreateActivityRequest } from '../../modules/register/contract.ts';
import { ZCreateActivityRequest } from '../../modules/register/contract.ts';
import * as register from '../../modules/register/service.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import { RecordingQueue } from '../../platform/jobs/definition.ts';
import { createRuntime, type Runtime } from '../../runtime.ts';
import { EXIT } from '../output.ts';

// `register check` runs as a child process against a database this test fills in-process between the runs
// (PGlite allows one process at a time, so the in-process runtime is closed before each command starts).
let database: CliDatabase;
const cli = (args: string[]) => runCli(args, database.env);

/** Works on the command's database in this process, closing it again before the next command runs. */
async function withDatabase<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const handle = await database.open();
  const config = loadConfig({
    ...database.env,
    PRIVACYDESK_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    DEMO_DATA: 'false',
  });
  const runtime = await createRuntime(config, { database: handle, jobs: new RecordingQueue() });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
    await handle.close();
  }
}

let scope: OrgScope;
let slug: string;
let activityId: string;

beforeAll(async () => {
  database = await createCliDatabase();
  expect((await cli(['migrate'])).code).toBe(EXIT.ok);
  await withDatabase(async ({ ctx }) => {
    const actor = { type: 'system', id: 'test' } as const;
    await inTransaction(ctx.db, async (tx) => {
      const input = { email: 'eigenaar@register-cli.example', name: 'Eva', password: 'lang-genoeg-wachtwoord' };
      const user = await identity.createUser(ctx, tx, { ...input, locale: 'nl' }, actor);
      const org = await organisations.createOrganisation(ctx, tx, organisationInput({ name: 'Korenschoof' }), {
        userId: user.id,
        actor,
      });
      scope = { orgId: org.id, role: 'owner', actor };
      slug = org.slug;
      const activity = ZCreateActivityRequest.parse({ name: 'Sollicitanten', purposes: ['Werving'] });
      activityId = (await register.insertActivity(ctx, tx, scope, activity)).id;
    });
  });
}, 180_000); // several commands start as processes: slow on a loaded machine
afterAll(async () => {
  await database?.close();
});

describe('privacydesk register check', { timeout: 60_000 }, () => {
  it('exits 1 listing the missing items per activity', async () => {
    const result = await cli(['register', 'check', '--org', slug, '--json']);
    expect(result.code).toBe(EXIT.checkFailed);
    expect(result.json.org).toMatchObject({ slug, name: 'Korenschoof' });
    expect(result.json.summary).toMatchObject({ isComplete: false, activities: 1, completeActivities: 0 });
    const [activity] = result.json.activities;
    const missing = activity.items.filter((item: { status: string }) => item.status === 'missing');
    expect(missing.map((item: { code: string }) => item.code)).toEqual([
      'subject_categories_missing',
      'data_categories_missing',
      'recipients_missing',
      'legal_basis_missing',
    ]);

    const english = await cli(['register', 'check', '--org', slug, '--locale', 'en']);
    expect(english.code).toBe(EXIT.checkFailed);
    expect(english.stdout).toMatch(/^The register of Korenschoof is incomplete: 4 items missing/);
    expect(english.stdout).toContain(
      "Sollicitanten:\n  - [missing, required by Art. 30] No categories of data subjects for 'Sollicitanten'",
    );
    expect(english.stdout).toContain(
      "  - [warning, required by Art. 30] No retention period for 'Sollicitanten' (art. 30(1)(f))",
    );
    expect(english.stdout).toContain("  - [missing, further check] No legal basis (Art. 6) for 'Sollicitanten'");
  });

  it("answers in the organisation's language (Dutch here) when no --locale is given", async () => {
    const human = await cli(['register', 'check', '--org', slug]);
    expect(human.code).toBe(EXIT.checkFailed);
    expect(human.stdout).toMatch(/^Het register van Korenschoof is niet compleet: 4 ontbrekende onderdelen/);
    expect(human.stdout).toContain(
      "Sollicitanten:\n  - [ontbreekt, vereist door art. 30] Geen categorieën betrokkenen voor 'Sollicitanten'",
    );
    expect(human.stdout).toContain(
      "  - [waarschuwing, vereist door art. 30] Geen bewaartermijn voor 'Sollicitanten' (art. 30(1)(f))",
    );
    expect(human.stdout).toContain(
      "  - [ontbreekt, aanvullende controle] Geen rechtsgrond (art. 6) voor 'Sollicitanten'",
    );
  });

  it('--json: each finding says whether Art. 30 requires it or privacydesk checks it besides', async () => {
    const result = await cli(['register', 'check', '--org', slug, '--json']);
    const [activity] = result.json.activities;
    const basisByCode = Object.fromEntries(
      activity.items.map((item: { code: string; basis: string }) => [item.code, item.basis]),
    );
    expect(basisByCode).toMatchObject({
      subject_categories_missing: 'art30',
      recipients_missing: 'art30',
      retention_missing: 'art30',
      security_measures_missing: 'art30',
      legal_basis_missing: 'privacydesk',
      dpia_undecided: 'privacydesk',
      owner_missing: 'privacydesk',
      review_date_missing: 'privacydesk',
    });
    // Art. 30(1)(f) and (g) ask for their items "where possible": a warning, not missing.
    const statusOf = (code: string) => activity.items.find((item: { code: string }) => item.code === code)?.status;
    expect([statusOf('retention_missing'), statusOf('security_measures_missing')]).toEqual(['warning', 'warning']);
  });

  it('exits 0 once the register is complete', async () => {
    await withDatabase(async ({ ctx }) => {
      const [data, subjects] = await Promise.all([
        allDataCategories(ctx.db, scope.orgId),
        allSubjectCategories(ctx.db, scope.orgId),
      ]);
      const change: Partial<TCreateActivityRequest> = {
        subjectCategoryIds: subjects.filter((row) => row.key === 'applicants').map((row) => row.id),
        dataCategoryIds: data.filter((row) => row.key === 'application').map((row) => row.id),
        hasNoRecipients: true,
        retention: { kind: null, amount: null, unit: null, startEvent: '', reference: '', presetId: 'applicants' },
        securityMeasures: 'Tweestapsverificatie',
        legalBasis: 'b',
      };
      await register.updateActivity(ctx, scope, activityId, change, 'en');
    });
    const result = await cli(['register', 'check', '--org', slug, '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.json.summary).toMatchObject({ isComplete: true, missing: 0, completeActivities: 1 });
    // Counted nouns agree with their number: "1 verwerking", never "1 verwerkingen".
    const human = await cli(['register', 'check', '--org', slug]);
    expect(human.stdout).toMatch(/^Het register van Korenschoof is compleet: 1 verwerking, \d+ waarschuwing/);
  });

  it('says in its help which language it answers in', async () => {
    const help = await cli(['register', 'check', '--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      "--locale <nl|en> language of the messages, nl or en (default: the organisation's language; English when the command names none)",
    );
    const main = await cli(['--help']);
    expect(main.stdout.replace(/\s+/g, ' ')).toContain(
      "Commands answer in the organisation's language (the one --org names), in English when they name none; --locale nl|en chooses.",
    );
  });

  it('fails with a clear message for an unknown organisation, in English (no organisation, no language)', async () => {
    const result = await cli(['register', 'check', '--org', 'bestaat-niet']);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toMatch(/^Error: .*organisation/i);
    expect(result.stdout).toBe('');
    const dutch = await cli(['register', 'check', '--org', 'bestaat-niet', '--locale', 'nl']);
    expect(dutch.stderr).toMatch(/^Fout: /);
  });
});
