import type { FastifyInstance, InjectOptions } from 'fastify';
import { currentTotpCode } from '../src/platform/crypto/totp.ts';

let clientCount = 0;

/** A body sent as it is (text or bytes, e.g. an uploaded file) rather than as JSON. */
const isRawBody = (body: unknown): body is string | Buffer => typeof body === 'string' || Buffer.isBuffer(body);

/** 10.0.0.1, 10.0.0.2, …: a distinct address per client. */
function nextClientIp(): string {
  clientCount += 1;
  return `10.${(clientCount >> 16) & 255}.${(clientCount >> 8) & 255}.${clientCount & 255}`;
}

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body's bytes (for files: PDF, XLSX, ZIP). */
  raw: Buffer;
}

/**
 * A browser-like client over Fastify's inject: keeps the session cookie, sends the CSRF token the session state
 * hands out, and the chosen language. Or an API client, with a bearer token.
 */
export class TestClient {
  readonly #http: FastifyInstance;
  #cookie: string | undefined;
  #csrfToken: string | undefined;
  #bearer: string | undefined;
  locale = 'nl';
  /** The address requests come from: each client its own, so per-address rate limits do not leak between tests. */
  readonly ip: string;

  constructor(http: FastifyInstance, options: { bearer?: string; locale?: string; ip?: string } = {}) {
    this.#http = http;
    this.#bearer = options.bearer;
    if (options.locale) this.locale = options.locale;
    this.ip = options.ip ?? nextClientIp();
  }

  get csrfToken(): string | undefined {
    return this.#csrfToken;
  }

  /** Another client holding this one's cookie and CSRF token (a second tab, or a copied cookie), from another address. */
  clone(): TestClient {
    const copy = new TestClient(this.#http, { locale: this.locale, ...(this.#bearer ? { bearer: this.#bearer } : {}) });
    copy.#cookie = this.#cookie;
    copy.#csrfToken = this.#csrfToken;
    return copy;
  }

  /** Forgets the CSRF token (to prove requests without it are refused). */
  dropCsrfToken(): void {
    this.#csrfToken = undefined;
  }

  async request<T = any>(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const response = await this.#http.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        'accept-language': this.locale,
        ...(this.#cookie ? { cookie: this.#cookie } : {}),
        ...(this.#csrfToken ? { 'x-csrf-token': this.#csrfToken } : {}),
        ...(this.#bearer ? { authorization: `Bearer ${this.#bearer}` } : {}),
        ...(body !== undefined && !isRawBody(body) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: isRawBody(body) ? body : JSON.stringify(body) } : {}),
    });
    this.#rememberCookie(response.headers['set-cookie']);
    const text = response.body;
    let parsed: unknown = text;
    if (text && String(response.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'session' in parsed)
      this.#rememberCsrf((parsed as { session: unknown }).session);
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.#rememberCsrf(parsed);
    return { status: response.statusCode, body: parsed as T, headers: response.headers, raw: response.rawPayload };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  patch = <T = any>(url: string, body: unknown) => this.request<T>('PATCH', url, body);
  put = <T = any>(url: string, body: unknown) => this.request<T>('PUT', url, body);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);

  #rememberCookie(setCookie: string | string[] | undefined): void {
    for (const header of [setCookie ?? []].flat()) {
      const [pair] = header.split(';');
      if (!pair?.startsWith('pd_session=')) continue;
      const value = pair.slice('pd_session='.length);
      this.#cookie = value ? pair : undefined;
    }
  }

  #rememberCsrf(state: unknown): void {
    const token = (state as { csrfToken?: string | null } | null)?.csrfToken;
    if (token !== undefined) this.#csrfToken = token ?? undefined;
  }

  /** Signs in, completing the second factor from the TOTP secret when one is given. */
  async signIn(email: string, password: string, totpSecret?: string, now = new Date()): Promise<void> {
    const response = await this.post('/api/auth/sign-in', { email, password });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
    if (response.body.status === 'second_factor_required') {
      if (!totpSecret) throw new Error('second factor required but no TOTP secret given');
      const second = await this.post('/api/auth/second-factor', { code: currentTotpCode(totpSecret, now) });
      if (second.status !== 200)
        throw new Error(`second factor failed: ${second.status} ${JSON.stringify(second.body)}`);
    }
    await this.get('/api/auth/session');
  }
}
