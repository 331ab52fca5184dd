// The public API over fetch: bearer tokens, one refresh on 401, problem+json errors as ApiError.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** A signed-in account kept in localStorage under its own scope (viewer, host, coop). */
export class Session {
  constructor(scope) {
    this.key = `originlive.session.${scope}`;
    this.state = JSON.parse(localStorage.getItem(this.key) || 'null');
  }

  get user() { return this.state?.user ?? null; }

  save() {
    if (this.state) localStorage.setItem(this.key, JSON.stringify(this.state));
    else localStorage.removeItem(this.key);
  }

  async login(email, password) {
    const tokens = await request('POST', '/api/auth/login', { body: { email, password } });
    this.state = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: null };
    this.state.user = await this.call('GET', '/api/me');
    this.save();
    return this.state.user;
  }

  async logout() {
    const refreshToken = this.state?.refreshToken;
    this.state = null;
    this.save();
    if (refreshToken) await request('POST', '/api/auth/logout', { body: { refreshToken } }).catch(() => {});
  }

  /** Calls the API as this account; an expired access token is renewed once with the refresh token. */
  async call(method, path, options = {}) {
    try {
      return await request(method, path, { ...options, token: this.state?.accessToken });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401 || !this.state?.refreshToken) throw e;
      await this.refresh();
      return request(method, path, { ...options, token: this.state.accessToken });
    }
  }

  /** A binary answer (an image) as this account, as a Blob; renewed once on 401 like call(). */
  async blob(path, accept) {
    const get = () => fetch(path, { headers: { Accept: accept, Authorization: `Bearer ${this.state?.accessToken}` } });
    let response = await get();
    if (response.status === 401 && this.state?.refreshToken) {
      await this.refresh();
      response = await get();
    }
    if (!response.ok) throw new ApiError(response.status, null);
    return response.blob();
  }

  async refresh() {
    try {
      const tokens = await request('POST', '/api/auth/refresh', { body: { refreshToken: this.state.refreshToken } });
      this.state.accessToken = tokens.accessToken;
      this.state.refreshToken = tokens.refreshToken;
      this.save();
    } catch (e) {
      this.state = null;
      this.save();
      throw e;
    }
  }
}

export async function request(method, path, { body, token, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export function newIdempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
