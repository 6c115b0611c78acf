/**
 * TanStack Query keys of the register. All live under ['org', org, 'register'], so a change that reaches across
 * the register (a template applied, an import) refreshes it with one invalidation.
 */
export const registerKeys = {
  all: (org: string) => ['org', org, 'register'] as const,
  dataCategories: (org: string, filters: object = {}) => ['org', org, 'register', 'data-categories', filters] as const,
  subjectCategories: (org: string, filters: object = {}) =>
    ['org', org, 'register', 'subject-categories', filters] as const,
  vendors: (org: string, filters: object = {}) => ['org', org, 'register', 'vendors', filters] as const,
  vendor: (org: string, id: string) => ['org', org, 'register', 'vendor', id] as const,
  systems: (org: string, filters: object = {}) => ['org', org, 'register', 'systems', filters] as const,
  system: (org: string, id: string) => ['org', org, 'register', 'system', id] as const,
  locationsOn: (org: string, filters: object) => ['org', org, 'register', 'locations-on', filters] as const,
  eeaStatus: (org: string, filters: object) => ['org', org, 'register', 'eea-status', filters] as const,
  activities: (org: string, filters: object = {}) => ['org', org, 'register', 'activities', filters] as const,
  activity: (org: string, id: string) => ['org', org, 'register', 'activity', id] as const,
  activityCompleteness: (org: string, id: string) => ['org', org, 'register', 'activity-completeness', id] as const,
  completeness: (org: string) => ['org', org, 'register', 'completeness'] as const,
  transfers: (org: string, filters: object) => ['org', org, 'register', 'transfers', filters] as const,
  consolidation: (org: string, filters: object) => ['org', org, 'register', 'consolidation', filters] as const,
  templates: (org: string) => ['org', org, 'register', 'templates'] as const,
};
