import { z } from 'zod';

const ZHeaderName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'an HTTP header name');
/** A field in an item, as a dot path (`id`, `attributes.email`); `''` for "the response itself" where allowed. */
const ZJsonPath = z.string().regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, 'a dot path such as data.items');
const ZRelativePath = z.string().regex(/^\/[^\s]*$/, 'a path starting with /');

/** Connection settings of an HTTP API. `authHeaderValue` is the secret (encrypted at rest, never returned). */
export const ZHttpConfig = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  authHeaderName: ZHeaderName.default('Authorization'),
  authHeaderValue: z.string().min(1),
  /** 429 answers retried (after their Retry-After) before a call gives `rate_limited`. */
  maxRetries: z.number().int().min(0).max(10).default(3),
  /** The longest Retry-After honoured; a server asking for more gives `rate_limited` at once. */
  maxRetryAfterMs: z.number().int().min(0).max(600_000).default(30_000),
});
export type THttpConfig = z.infer<typeof ZHttpConfig>;

const ZPagination = z.discriminatedUnion('kind', [
  /** `?page=2&per_page=100`; the list ends at a short or empty page. */
  z.object({ kind: z.literal('page'), pageParam: z.string().min(1), firstPage: z.number().int().min(0).default(1) }),
  /** `?offset=200&limit=100`; the list ends at a short or empty page. */
  z.object({ kind: z.literal('offset'), offsetParam: z.string().min(1) }),
  /** `?cursor=abc&limit=100`, the next cursor read from the response; the list ends when it is empty. */
  z.object({ kind: z.literal('cursor'), cursorParam: z.string().min(1), nextCursorPath: ZJsonPath }),
]);

/**
 * One kind of item in the API (contacts, leads): how to list them, which item fields are the key, timestamps and
 * identity, and how to delete one. Conditions and the cut-off are evaluated by privacydesk on the listed items.
 */
export const ZHttpRecordType = z.object({
  list: z.object({
    path: ZRelativePath,
    /** Where the items array is in the JSON response; absent when the response is the array. */
    itemsPath: ZJsonPath.optional(),
    pageSizeParam: z.string().min(1),
    pageSize: z.number().int().min(1).max(1000).default(100),
    pagination: ZPagination,
    /** Fixed query parameters (a filter the API offers, `status=archived`). */
    query: z.record(z.string(), z.string()).default({}),
  }),
  keyField: ZJsonPath,
  timestampFields: z.array(ZJsonPath).min(1),
  identityFields: z.array(ZJsonPath).default([]),
  delete: z.object({
    method: z.enum(['DELETE', 'POST', 'PUT', 'PATCH']).default('DELETE'),
    /** `/contacts/{key}`: the key is URL-encoded into it. */
    pathTemplate: ZRelativePath.refine((path) => path.includes('{key}'), 'a path with {key}'),
  }),
  /** An endpoint that finds items by a person's e-mail, phone or name (`/contacts/search?q=`). */
  search: z.object({ path: ZRelativePath, queryParam: z.string().min(1), itemsPath: ZJsonPath.optional() }).optional(),
});
export type THttpRecordType = z.infer<typeof ZHttpRecordType>;
