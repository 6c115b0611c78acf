import { boolean, date, foreignKey, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../platform/db/columns.ts';
import { organisations } from '../organisations/tables.ts';

/** Processors, sub-processors and other recipients. Retired vendors stay, so the register keeps its history. */
export const vendors = pgTable(
  'vendors',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** processor | sub_processor | recipient | joint_controller */
    kind: text('kind').notNull(),
    /** For a sub-processor: the processor that engages it. */
    parentVendorId: uuid('parent_vendor_id'),
    services: text('services').notNull().default(''),
    country: text('country').notNull(),
    website: text('website'),
    contactEmail: text('contact_email'),
    /** Certified under the EU-US Data Privacy Framework (matters for US vendors only). */
    isDpfCertified: boolean('is_dpf_certified').notNull().default(false),
    /** First day on the DPF list; null only for certifications recorded before they were dated (a finding). */
    dpfCertifiedSince: date('dpf_certified_since', { mode: 'string' }),
    /** Whether the DPF certification covers HR data. */
    isDpfHrInScope: boolean('is_dpf_hr_in_scope').notNull().default(false),
    /** Art. 46/49 safeguard for a destination without adequacy: scc | bcr | derogation | other. */
    transferSafeguard: text('transfer_safeguard'),
    safeguardDetails: text('safeguard_details').notNull().default(''),
    /** Transfer impact assessment for SCCs/BCRs: its day and a document reference or note (both or neither). */
    tiaAssessedOn: date('tia_assessed_on', { mode: 'string' }),
    tiaReference: text('tia_reference'),
    /** Whether the vendor enforces two-factor sign-in: null when unknown. */
    hasMfa: boolean('has_mfa'),
    canAccessClientInfrastructure: boolean('can_access_client_infrastructure').notNull().default(false),
    /** Which client infrastructure, when it can. */
    clientAccessDescription: text('client_access_description').notNull().default(''),
    /** active | retired */
    status: text('status').notNull().default('active'),
    retiredOn: date('retired_on', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('vendors_org_id_id_key').on(table.orgId, table.id),
    unique('vendors_org_name_key').on(table.orgId, table.name),
    index('vendors_org_idx').on(table.orgId),
    foreignKey({
      name: 'vendors_parent_fk',
      columns: [table.orgId, table.parentVendorId],
      foreignColumns: [table.orgId, table.id],
    }),
  ],
);

export const vendorCertifications = pgTable(
  'vendor_certifications',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    /** e.g. ISO 27001, ISO 27701, NEN 7510, SOC 2 Type II */
    name: text('name').notNull(),
    reference: text('reference').notNull().default(''),
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('vendor_certifications_vendor_idx').on(table.orgId, table.vendorId),
    foreignKey({
      name: 'vendor_certifications_vendor_fk',
      columns: [table.orgId, table.vendorId],
      foreignColumns: [vendors.orgId, vendors.id],
    }).onDelete('cascade'),
  ],
);
