import type { z } from 'zod';
import type {
  TCoverage,
  TPolicy,
  TPolicyStatus,
  TPreview,
  TRun,
  TRunStatus,
  ZCreatePolicyFromActivityRequest,
  ZCreatePolicyRequest,
  ZHoldInput,
  ZManualHandlingRequest,
  ZUpdatePolicyRequest,
} from '../../../src/modules/retention/contract.ts';
import { http } from './http.ts';

export type {
  TAction,
  TCoverage,
  TEnforcement,
  TFilter,
  THold,
  TPeriod,
  TPolicy,
  TPolicyFlag,
  TPolicyStatus,
  TPreview,
  TRun,
  TRunStatus,
  TSchedule,
} from '../../../src/modules/retention/contract.ts';
export type TCreatePolicyInput = z.input<typeof ZCreatePolicyRequest>;
export type TUpdatePolicyInput = z.input<typeof ZUpdatePolicyRequest>;
export type TFromActivityInput = z.input<typeof ZCreatePolicyFromActivityRequest>;
export type THoldInput = z.input<typeof ZHoldInput>;
export type TManualHandlingInput = z.input<typeof ZManualHandlingRequest>;

export const POLICY_STATUSES = Object.keys({
  draft: true,
  awaiting_approval: true,
  active: true,
  paused: true,
  out_of_date: true,
} satisfies Record<TPolicyStatus, true>) as TPolicyStatus[];

export const RUN_STATUSES = Object.keys({
  queued: true,
  running: true,
  paused_for_approval: true,
  completed: true,
  failed: true,
  cancelled: true,
} satisfies Record<TRunStatus, true>) as TRunStatus[];

/** A run still going: its page asks for it every second. */
export const isRunGoing = (run: Pick<TRun, 'status'>) => run.status === 'queued' || run.status === 'running';

/** TanStack Query keys of retention, all under ['org', org, 'retention']. */
export const retentionKeys = {
  all: (org: string) => ['org', org, 'retention'] as const,
  policies: (org: string) => ['org', org, 'retention', 'policies'] as const,
  policy: (org: string, id: string) => ['org', org, 'retention', 'policy', id] as const,
  latestPreview: (org: string, id: string) => ['org', org, 'retention', 'policy', id, 'preview'] as const,
  runs: (org: string, id: string) => ['org', org, 'retention', 'policy', id, 'runs'] as const,
  run: (org: string, id: string) => ['org', org, 'retention', 'run', id] as const,
  coverage: (org: string) => ['org', org, 'retention', 'coverage'] as const,
};

const org = (ref: string) => `/api/orgs/${encodeURIComponent(ref)}/retention`;
const policy = (ref: string, id: string) => `${org(ref)}/policies/${encodeURIComponent(id)}`;

export const retentionApi = {
  policies: async (ref: string) => (await http.get<{ items: TPolicy[] }>(`${org(ref)}/policies`)).items,
  policy: (ref: string, id: string) => http.get<TPolicy>(policy(ref, id)),
  create: (ref: string, body: TCreatePolicyInput) => http.post<TPolicy>(`${org(ref)}/policies`, body),
  createFromActivity: (ref: string, body: TFromActivityInput) =>
    http.post<TPolicy>(`${org(ref)}/policies/from-activity`, body),
  update: (ref: string, id: string, body: TUpdatePolicyInput) => http.patch<TPolicy>(policy(ref, id), body),
  delete: (ref: string, id: string) => http.delete<void>(policy(ref, id)),
  setStatus: (ref: string, id: string, status: 'active' | 'paused') =>
    http.post<TPolicy>(`${policy(ref, id)}/status`, { status }),
  addHold: (ref: string, id: string, body: THoldInput) => http.post<TPolicy>(`${policy(ref, id)}/holds`, body),
  liftHold: (ref: string, id: string, holdId: string) =>
    http.delete<TPolicy>(`${policy(ref, id)}/holds/${encodeURIComponent(holdId)}`),
  computePreview: (ref: string, id: string) => http.post<TPreview>(`${policy(ref, id)}/previews`),
  latestPreview: (ref: string, id: string) => http.get<TPreview>(`${policy(ref, id)}/previews/latest`),
  approvePreview: (ref: string, id: string, previewId: string) =>
    http.post<TPolicy>(`${policy(ref, id)}/previews/${encodeURIComponent(previewId)}/approve`),
  startRun: (ref: string, id: string) => http.post<TRun>(`${policy(ref, id)}/runs`, { trigger: 'manual' }),
  runs: async (ref: string, id: string) => (await http.get<{ items: TRun[] }>(`${policy(ref, id)}/runs`)).items,
  run: (ref: string, runId: string) => http.get<TRun>(`${org(ref)}/runs/${encodeURIComponent(runId)}`),
  cancelRun: (ref: string, runId: string) => http.post<TRun>(`${org(ref)}/runs/${encodeURIComponent(runId)}/cancel`),
  /** A plain link: the browser saves the file with the server's name (the session cookie is sent). */
  evidenceUrl: (ref: string, id: string, format: 'csv' | 'json') => `${policy(ref, id)}/runs/export?format=${format}`,
  coverage: (ref: string) => http.get<TCoverage>(`${org(ref)}/coverage`),
  setManualHandling: (ref: string, body: TManualHandlingInput) =>
    http.put<TCoverage>(`${org(ref)}/manual-handling`, body),
};
