// What went wrong, in words a person can act on: an ApiError's kind and status, or a
// SigningError's code, become a dictionary key (the server's English detail is shown
// beside it, never raw JSON).
import { ApiError } from './api.js';
import { SigningError } from './sign/SigningError.js';

const BY_KIND = {
  network: 'problem.network',
  unauthenticated: 'problem.unauthenticated',
  'permission-denied': 'problem.forbidden',
  'cross-origin': 'problem.forbidden',
  'not-found': 'problem.notFound',
  'failed-precondition': 'problem.conflict',
  aborted: 'problem.conflict',
  'already-exists': 'problem.conflict',
  'invalid-argument': 'problem.invalid',
  'body-too-large': 'problem.tooLarge',
  'resource-exhausted': 'problem.tooMany',
  overloaded: 'problem.busy',
  unavailable: 'problem.busy',
};

const BY_STATUS = {
  400: 'problem.badRequest',
  401: 'problem.unauthenticated',
  403: 'problem.forbidden',
  404: 'problem.notFound',
  408: 'problem.network',
  409: 'problem.conflict',
  413: 'problem.tooLarge',
  415: 'problem.badRequest',
  422: 'problem.invalid',
  429: 'problem.tooMany',
  503: 'problem.busy',
};

const SIGNING = {
  'not-pkcs12': 'sign.error.notPkcs12',
  'bad-password': 'sign.error.badPassword',
  'no-key': 'sign.error.noKey',
  'unsupported-key': 'sign.error.unsupportedKey',
  'no-certificate': 'sign.error.noCertificate',
  'unsupported-pkcs12': 'sign.error.unsupportedPkcs12',
  'no-webcrypto': 'sign.error.noWebCrypto',
};

// {key, params, detail, local}: the message to show, and the technical words (the server's, or
// this browser's when `local`) as secondary text.
export function describeProblem(error) {
  if (error instanceof SigningError) return { key: SIGNING[error.code] || 'sign.error.other', detail: error.message, local: true };
  if (error instanceof ApiError) {
    const key = BY_KIND[error.kind] || BY_STATUS[error.status] || (error.status >= 500 ? 'problem.server' : 'problem.unexpected');
    const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : 1;
    return { key, params: { minutes }, detail: error.detail };
  }
  return { key: 'problem.unexpected', detail: error?.message || '', local: true };
}

// "field 'meeting-date' must be …" → 'meeting-date': which form field a 422 is about.
export function problemField(error) {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const field = /field '([^']+)'/.exec(error.detail);
  if (field) return field[1];
  return /\bthe title\b/.test(error.detail) ? 'title' : null;
}
