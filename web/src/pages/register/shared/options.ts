import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoriesApi, categoryName } from '../../../api/categories.ts';
import { inventoryApi } from '../../../api/inventory.ts';
import { queryKeys } from '../../../api/keys.ts';
import { organisationsApi } from '../../../api/organisations.ts';
import { registerKeys } from '../../../api/register-keys.ts';
import { vendorsApi } from '../../../api/vendors.ts';
import { useCurrentOrganisation } from '../../../app/organisations.ts';
import { currentLocale } from '../../../i18n/index.ts';

/** The most a picker lists; a small business has tens of each. */
const ALL = { limit: 500 } as const;

export interface Option {
  value: string;
  label: string;
}

export function useDataCategories() {
  const org = useCurrentOrganisation();
  return useQuery({
    queryKey: registerKeys.dataCategories(org.slug, ALL),
    queryFn: () => categoriesApi.listData(org.slug, ALL),
  });
}

export function useSubjectCategories() {
  const org = useCurrentOrganisation();
  return useQuery({
    queryKey: registerKeys.subjectCategories(org.slug, ALL),
    queryFn: () => categoriesApi.listSubjects(org.slug, ALL),
  });
}

export function useAllSystems() {
  const org = useCurrentOrganisation();
  return useQuery({ queryKey: registerKeys.systems(org.slug, ALL), queryFn: () => inventoryApi.list(org.slug, ALL) });
}

export function useAllVendors() {
  const org = useCurrentOrganisation();
  return useQuery({ queryKey: registerKeys.vendors(org.slug, ALL), queryFn: () => vendorsApi.list(org.slug, ALL) });
}

export function useDataCategoryOptions(): Option[] {
  const locale = currentLocale();
  return (useDataCategories().data?.items ?? []).map((category) => ({
    value: category.id,
    label: categoryName(category, locale),
  }));
}

export function useSubjectCategoryOptions(): Option[] {
  const locale = currentLocale();
  return (useSubjectCategories().data?.items ?? []).map((category) => ({
    value: category.id,
    label: categoryName(category, locale),
  }));
}

export function useSystemOptions(): Option[] {
  return (useAllSystems().data?.items ?? []).map((system) => ({ value: system.id, label: system.name }));
}

/** Vendors by name; retired ones say so, since they stay in the history but should not be chosen anew. */
export function useVendorOptions(): Option[] {
  const { t } = useTranslation();
  return (useAllVendors().data?.items ?? []).map((vendor) => ({
    value: vendor.id,
    label: vendor.status === 'retired' ? `${vendor.name} (${t('register.enums.activeStatus.retired')})` : vendor.name,
  }));
}

export function useMemberOptions(): Option[] {
  const org = useCurrentOrganisation();
  const members = useQuery({
    queryKey: queryKeys.members(org.slug),
    queryFn: () => organisationsApi.members(org.slug),
  });
  return (members.data ?? []).map((member) => ({ value: member.userId, label: member.name }));
}

/** Options for an enum, labelled from `register.enums.<group>`. */
export function useEnumOptions(values: readonly string[], group: string): Option[] {
  const { t } = useTranslation();
  return values.map((value) => ({ value, label: t(`register.enums.${group}.${value}`) }));
}
