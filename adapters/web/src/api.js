// The one way the UI talks to /api/v1: same-origin cookie sessions, JSON in and out, and
// every failure as an ApiError carrying the problem's status, type and detail (RFC 9457).
const BASE = '/api/v1';

export class ApiError extends Error {
  constructor({ status, type, title, detail, retryAfter }) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;           // 0 when the server could not be reached
    this.type = type || 'about:blank';
    this.detail = detail || '';
    this.retryAfter = retryAfter;   // seconds, from Retry-After on 429/503
  }
  // "urn:qujat:problem:not-found" → "not-found"
  get kind() {
    return this.type.startsWith('urn:qujat:problem:') ? this.type.slice('urn:qujat:problem:'.length) : '';
  }
}

let onUnauthenticated = () => {};
// The app decides what a lost session means (back to sign-in); set once at boot.
export function whenUnauthenticated(handler) { onUnauthenticated = handler; }

export function apiUrl(path) { return BASE + path; }

async function problemOf(response) {
  let body = null;
  try { body = await response.json(); } catch { /* not JSON: keep the status only */ }
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiError({
    status: response.status,
    type: body?.type,
    title: body?.title,
    detail: typeof body?.detail === 'string' ? body.detail : '',
    retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined,
  });
}

// Sends one request. `quiet401` is for the calls where 401 is an answer, not a lost
// session (signing in, asking who is signed in).
async function send(path, { method = 'GET', headers = {}, body, quiet401 = false } = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, type: 'urn:qujat:problem:network' });
  }
  if (response.ok) return response;
  const error = await problemOf(response);
  if (response.status === 401 && !quiet401) onUnauthenticated();
  throw error;
}

async function jsonOf(response) {
  return response.status === 204 ? null : response.json();
}

export async function getJson(path, options) {
  return jsonOf(await send(path, { ...options, headers: { Accept: 'application/json' } }));
}

export async function sendJson(method, path, value, options) {
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  return jsonOf(await send(path, { ...options, method, headers, body: value === undefined ? undefined : JSON.stringify(value) }));
}

export async function postForm(path, formData) {
  return jsonOf(await send(path, { method: 'POST', headers: { Accept: 'application/json' }, body: formData }));
}

export async function postBytes(path, bytes, mediaType) {
  return jsonOf(await send(path, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': mediaType }, body: bytes }));
}

export async function getBytes(path) {
  return (await send(path)).arrayBuffer();
}

export async function getText(path) {
  return (await send(path)).text();
}

// A query string from the members that have a value.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
