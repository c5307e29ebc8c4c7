// Who is signed in and what the screens should offer them. The server decides every
// permission; this only chooses which navigation entries and actions to show.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ApiError, getJson, sendJson } from './api.js';
import { allWorkflows, canStart } from './data/workflows.js';
import { organisation, person } from './data/directory.js';

export const SessionContext = createContext(null);
export function useSession() { return useContext(SessionContext); }

// The signed-in person with their roles, or null when nobody is signed in.
export async function loadSession() {
  let session;
  try {
    session = await getJson('/session', { quiet401: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
  const user = await person(session.login);
  return {
    login: user.login, displayName: user.displayName, homeOrg: user.homeOrg, roles: user.roles,
    isAuditor: user.roles.some((r) => r.role === 'auditor'),
  };
}

// What the menus offer `me` beyond that, which takes the workflows' definitions and the
// organisations' levels: loaded after the first screen, which does not wait for it.
export async function loadOffers(me) {
  const [workflows, orgs] = await Promise.all([
    allWorkflows(),
    Promise.all([...new Set(me.roles.map((r) => r.org))].map((code) => organisation(code).catch(() => null))),
  ]);
  return {
    canSubmit: workflows.some((w) => canStart(w, me)),
    // Branch officials: anyone holding a role above a primary organisation.
    isOfficial: orgs.some((o) => o && o.level !== 'primary'),
  };
}

export function signIn(login, password) {
  return sendJson('POST', '/session', { login, password }, { quiet401: true });
}

export function signOut() {
  return sendJson('DELETE', '/session', undefined, { quiet401: true });
}
