/**
 * The one place the web app talks HTTP: JSON in and out, the CSRF token of the session, the person's language
 * (so the server answers problems in it), and problem+json turned into an ApiError.
 */

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** A problem the server reported (RFC 9457), or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: FieldProblem[];
  readonly correlationId: string | undefined;

  constructor(options: {
    status: number;
    code: string;
    detail: string;
    fieldErrors?: FieldProblem[];
    correlationId?: string | undefined;
  }) {
    super(options.detail);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.detail = options.detail;
    this.fieldErrors = options.fieldErrors ?? [];
    this.correlationId = options.correlationId;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

let csrfToken: string | null = null;
let languageOf: () => string = () => 'nl';

/** The session state hands out the CSRF token; every state the app receives passes through here. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setRequestLanguage(current: () => string): void {
  languageOf = current;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function headersFor(method: Method, hasBody: boolean): Record<string, string> {
  return {
    accept: 'application/json, application/problem+json',
    'accept-language': languageOf(),
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
    ...(!SAFE_METHODS.has(method) && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
  };
}

async function problemFrom(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as Partial<{
      code: string;
      detail: string;
      errors: FieldProblem[];
      correlationId: string;
    }>;
    return new ApiError({
      status: response.status,
      code: problem.code ?? 'unknown',
      detail: problem.detail ?? response.statusText,
      fieldErrors: problem.errors ?? [],
      correlationId: problem.correlationId,
    });
  } catch {
    return new ApiError({ status: response.status, code: 'unknown', detail: response.statusText });
  }
}

/** Sends a request; resolves with the parsed JSON (undefined for an empty answer), rejects with an ApiError. */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const hasBody = body !== undefined;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, hasBody),
      ...(hasBody ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: '' });
  }
  if (!response.ok) throw await problemFrom(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Sends a file as the raw request body (an import); resolves and rejects like `request`. */
export async function sendFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...headersFor('POST', false), 'content-type': contentType },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: '' });
  }
  if (!response.ok) throw await problemFrom(response);
  return (await response.json()) as T;
}

/** A query string from the defined values only. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const http = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
