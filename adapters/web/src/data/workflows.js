// Workflow definitions (fields, steps, actors) and what they say about a person and a step.
import { getJson, query } from '../api.js';
import { localized } from '../i18n/i18n.js';
import { memoize } from './memo.js';

const definition = memoize((key) => {
  const [id, version] = key.split('@');
  return getJson(`/workflows/${encodeURIComponent(id)}${query({ version: version === '0' ? '' : version })}`);
});

// The definition a document was routed by (version 0: the latest).
export function workflow(id, version = 0) { return definition(`${id}@${version}`); }

export async function allWorkflows() {
  const page = await getJson('/workflows');
  return Promise.all(page.items.map((w) => workflow(w.id, w.version)));
}

export function stepOf(definition, stepId) {
  return definition?.stepDetails?.find((s) => s.id === stepId);
}

export function stepTitle(definition, stepId) {
  return localized(stepOf(definition, stepId)?.title) || stepId;
}

// "role:secretary@origin" → {role: 'secretary'}; "user:ivanov" → {user: 'ivanov'}.
function actor(text) {
  const role = /^role:([^@\s]+)/.exec(text);
  if (role) return { role: role[1] };
  const user = /^user:(\S+)/.exec(text);
  return user ? { user: user[1] } : {};
}

// Whether `me` may start documents with this workflow: they hold a role (or are the user)
// its submit step names. The server decides for the exact organisation.
export function canStart(definition, me) {
  const submit = definition.stepDetails.find((s) => s.kind === 'submit');
  return !!submit && submit.actors.map(actor).some((a) =>
    (a.user && a.user === me.login) || (a.role && me.roles.some((r) => r.role === a.role)));
}

// The organisations `me` could submit for with this workflow (where they hold a submitting role).
export function startingOrgs(definition, me) {
  const submit = definition.stepDetails.find((s) => s.kind === 'submit');
  const roles = new Set(submit.actors.map(actor).map((a) => a.role).filter(Boolean));
  return [...new Set(me.roles.filter((r) => roles.has(r.role)).map((r) => r.org))];
}
