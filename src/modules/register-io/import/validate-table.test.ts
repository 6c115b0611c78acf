import { describe, expect, it } from 'vitest';
import type { ImportLookups } from './lookups.ts';
import type { Table } from './read-table.ts';
import { NameIndex } from './references.ts';
import { MAX_IMPORT_ROWS, validateTable } from './validate-table.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function lookups(overrides: Partial<ImportLookups> = {}): ImportLookups {
  return {
    dataCategories: new NameIndex([{ id: uuid(1), names: ['Contactgegevens', 'Contact details', 'contact-details'] }]),
    subjectCategories: new NameIndex([{ id: uuid(2), names: ['Klanten', 'Customers', 'customers'] }]),
    vendors: new NameIndex([
      { id: uuid(3), names: ['Mailhuis B.V.'] },
      { id: uuid(4), names: ['Twin'] },
      { id: uuid(5), names: ['twin'] },
    ]),
    systems: new NameIndex([{ id: uuid(6), names: ['Mailbox'] }]),
    members: new NameIndex([{ id: uuid(7), names: ['Eva Eigenaar', 'eva@example.nl'] }]),
    clients: new NameIndex([]),
    existingNames: { vendors: ['Mailhuis B.V.', 'Twin', 'twin'], systems: ['Mailbox'], activities: [] },
    ...overrides,
  };
}

function table(rows: string[][]): Table {
  const [header = [], ...data] = rows;
  return {
    header: { row: 1, cells: header },
    rows: data.map((cells, index) => ({ row: index + 2, cells })),
    brokenRows: [],
  };
}

const brief = (errors: { row: number; column: string | null; code: string }[]) =>
  errors.map(({ row, column, code }) => ({ row, column, code }));

describe('validateTable: the header', () => {
  it('accepts ids, labels in either language and labels without their explanation; flags the rest', () => {
    const result = validateTable(
      'systems',
      table([
        ['name', 'Soort', 'Vendor', 'Locaties', 'Kleur', 'Naam'],
        ['Website', 'Website', 'Mailhuis B.V.', 'Primair | NL | | 2020-01-01', 'rood', ''],
      ]),
      lookups(),
      'nl',
    );
    expect(brief(result.errors)).toEqual([
      { row: 1, column: 'Kleur', code: 'unknown_column' },
      { row: 1, column: 'Naam', code: 'duplicate_column' },
    ]);
    expect(result.systems[0]?.input).toMatchObject({
      name: 'Website',
      kind: 'website',
      vendorId: uuid(3),
      locations: [{ role: 'primary', country: 'NL', since: '2020-01-01', until: null }],
    });
  });

  it('needs a name column, and ignores columns the export shows only for reading', () => {
    const result = validateTable(
      'vendors',
      table([
        ['Soort', 'Doorgifte (beoordeling)'],
        ['Verwerker', 'Binnen de EER'],
      ]),
      lookups(),
      'en',
    );
    expect(result.errors[0]).toEqual({ row: 1, column: null, code: 'missing_column', params: { column: 'Name' } });
    expect(brief(result.errors.slice(1))).toEqual([
      { row: 2, column: 'name', code: 'required' },
      { row: 2, column: 'country', code: 'required' },
    ]);
  });

  it('refuses a file without rows, and one with too many, as a whole', () => {
    expect(brief(validateTable('vendors', table([['Naam'], ['', '']]), lookups(), 'nl').errors)).toEqual([
      { row: 1, column: null, code: 'no_rows' },
    ]);
    const many = table([['Naam'], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`V${i}`])]);
    const result = validateTable('vendors', many, lookups(), 'nl');
    expect(brief(result.errors)).toEqual([{ row: 1, column: null, code: 'too_many_rows' }]);
    expect(result.vendors).toEqual([]);
  });
});

describe('validateTable: references and names', () => {
  it('resolves categories by key or either name, and flags unknown and ambiguous names', () => {
    const result = validateTable(
      'activities',
      table([
        ['Naam', 'Categorieën persoonsgegevens', 'Categorieën betrokkenen', 'Ontvangers', 'Eigenaar'],
        ['A', 'contact-details; Contact details', 'customers', 'mailhuis b.v.', 'eva@example.nl'],
        ['B', 'Schoenmaat', 'Klanten', 'TWIN; Niemand', 'Onbekende Collega'],
      ]),
      lookups(),
      'nl',
    );
    expect(result.activities[0]?.input).toMatchObject({
      dataCategoryIds: [uuid(1)],
      subjectCategoryIds: [uuid(2)],
      recipientVendorIds: [uuid(3)],
      ownerUserId: uuid(7),
    });
    expect(brief(result.errors)).toEqual([
      { row: 3, column: 'Categorieën persoonsgegevens', code: 'unknown_reference' },
      { row: 3, column: 'Ontvangers', code: 'ambiguous_reference' },
      { row: 3, column: 'Ontvangers', code: 'unknown_reference' },
      { row: 3, column: 'Eigenaar', code: 'unknown_reference' },
    ]);
  });

  it('reads controllers: a managed client by name, others as external; an older file’s free-text controller too', () => {
    const clients = new NameIndex([{ id: uuid(8), names: ['Bakkerij Korrel'] }]);
    const current = validateTable(
      'activities',
      table([
        ['Naam', 'Rol', 'Verwerkingsverantwoordelijken (naam | contactgegevens)'],
        ['Hosting', 'verwerker', 'bakkerij korrel | henk@korrel.example; Sportschool Sterk | info@sterk.example'],
      ]),
      lookups({ clients }),
      'nl',
    );
    expect(current.errors).toEqual([]);
    expect(current.activities[0]?.input.controllers).toEqual([
      { kind: 'managed_org', organisationId: uuid(8) },
      { kind: 'external', name: 'Sportschool Sterk', contact: 'info@sterk.example' },
    ]);
    const older = validateTable(
      'activities',
      table([
        ['Naam', 'Rol', 'Verwerkingsverantwoordelijke', 'Contactgegevens verwerkingsverantwoordelijke'],
        ['Beheer', 'verwerker', 'Klanten (per verwerkersovereenkomst)', ''],
      ]),
      lookups({ clients }),
      'nl',
    );
    expect(older.errors).toEqual([]);
    expect(older.activities[0]?.input.controllers).toEqual([
      { kind: 'external', name: 'Klanten (per verwerkersovereenkomst)', contact: '' },
    ]);
  });

  it('finds duplicates within the file and against the register, ignoring case and spaces', () => {
    const result = validateTable(
      'systems',
      table([
        ['Naam', 'Soort'],
        ['CRM', 'crm'],
        ['crm ', 'crm'],
        ['MAILBOX', 'mailbox'],
      ]),
      lookups(),
      'nl',
    );
    expect(result.errors).toEqual([
      { row: 3, column: 'Naam', code: 'duplicate_name', params: { name: 'crm', firstRow: 2 } },
      {
        row: 4,
        column: 'Naam',
        code: 'duplicate_name',
        params: { name: 'MAILBOX' },
        messageKey: 'duplicate_name_existing',
      },
    ]);
  });

  it('accepts parents from the file in any order, and refuses self-parents and cycles', () => {
    const header = ['Naam', 'Soort', 'Land', 'Hoofdverwerker'];
    const clean = validateTable(
      'vendors',
      table([header, ['Kind', 'Subverwerker', 'NL', 'Ouder'], ['Ouder', 'Verwerker', 'NL', 'Mailhuis B.V.']]),
      lookups(),
      'nl',
    );
    expect(clean.errors).toEqual([]);
    const cyclic = validateTable(
      'vendors',
      table([header, ['A', 'Verwerker', 'NL', 'B'], ['B', 'Verwerker', 'NL', 'A'], ['C', 'Verwerker', 'NL', 'c']]),
      lookups(),
      'nl',
    );
    expect(brief(cyclic.errors)).toEqual([
      { row: 2, column: 'Hoofdverwerker', code: 'parent_cycle' },
      { row: 3, column: 'Hoofdverwerker', code: 'parent_cycle' },
      { row: 4, column: 'Hoofdverwerker', code: 'parent_is_self' },
    ]);
  });
});
