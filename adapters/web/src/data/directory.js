// Names of organisations and people, for showing codes and logins to humans.
import { getJson } from '../api.js';
import { memoize } from './memo.js';

export const organisation = memoize((code) => getJson(`/orgs/${encodeURIComponent(code)}`));
export const person = memoize((login) => getJson(`/users/${encodeURIComponent(login)}`));
