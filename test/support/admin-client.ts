import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/domain/staff.js';
import type { Dateline } from '../../src/main.js';

export const staffPassword = 'correct horse battery staple';

/** A browser-like client for `inject`: keeps cookies, reads the CSRF token from the last page. */
export class AdminClient {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly server: FastifyInstance, private readonly headers: Record<string, string> = {}) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="csrf-token" content="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(await this.server.inject({ method: 'GET', url, headers: { ...this.headers, cookie: this.cookieHeader() } }));
  }

  /** Posts a form with the page's CSRF token unless `csrf: false`. */
  async post(url: string, form: Record<string, string | string[]>, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    if (options.csrf !== false) body.append('_csrf', this.csrf);
    return this.remember(await this.server.inject({
      method: 'POST', url, payload: body.toString(),
      headers: { ...this.headers, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    }));
  }

  /** Calls the JSON API with the session and, unless `csrf: false`, the X-CSRF-Token header. */
  async api(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.server.inject({
      method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      headers: { ...this.headers, cookie: this.cookieHeader(), ...(options.csrf === false ? {} : { 'x-csrf-token': this.csrf }) },
    }));
  }

  /** Posts a multipart form (an upload) as a browser would, with the page's CSRF token first unless `csrf: false`. */
  async postMultipart(url: string, fields: Record<string, string>, file: { name: string; bytes: Uint8Array; type: string } | null, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const form = new FormData();
    if (options.csrf !== false) form.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    return this.remember(await this.server.inject({
      method: 'POST', url, payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { ...this.headers, cookie: this.cookieHeader(), 'content-type': encoded.headers.get('content-type')! },
    }));
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  async signIn(email: string, password = staffPassword): Promise<LightMyRequestResponse> {
    await this.get('/admin/sign-in');
    const res = await this.post('/admin/sign-in', { email, password, next: '/admin/' });
    // The session has its own CSRF token: read it from a page, as a browser would.
    if (res.statusCode === 303) await this.get('/admin/');
    return res;
  }
}

/** Creates a member of staff with the shared test password (as the command line would). */
export async function createStaff(dateline: Dateline, role: Role, email = `${role}@news.example`, name = `${role[0]!.toUpperCase()}${role.slice(1)} Person`) {
  return dateline.services.auth.createUser({ email, name, password: staffPassword, role }, { kind: 'cli' });
}
