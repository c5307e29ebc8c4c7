// Organisation codes and logins shown as names once known (the code or login until then,
// and if the directory does not answer).
import { useEffect, useState } from 'preact/hooks';
import { organisation, person } from '../data/directory.js';
import { has, localized, t, tx } from '../i18n/i18n.js';

function useLookup(lookup, key) {
  const [value, setValue] = useState(null);
  useEffect(() => {
    let live = true;
    setValue(null);
    if (key) lookup(key).then((v) => { if (live) setValue(v); }, () => {});
    return () => { live = false; };
  }, [key]);
  return value;
}

export function OrgName({ code }) {
  const org = useLookup(organisation, code);
  const name = org && localized(org.name);
  return name ? <span class="org-name">{name} <span class="code">({code})</span></span> : <span class="code">{code}</span>;
}

export function PersonName({ login }) {
  const user = useLookup(person, login === 'system' ? null : login);
  return user?.displayName ? <span class="person" title={login}>{user.displayName}</span> : <span class="code">{login}</span>;
}

// Who a task waits for: the named person, else "the chairman of <org>".
export function SeatName({ task }) {
  if (task.assignee) return <PersonName login={task.assignee} />;
  return <span class="seat">{tx('seat.roleAt', { role: roleName(task.role), org: <OrgName code={task.org} /> })}</span>;
}

function roleName(role) {
  return has(`role.${role}`) ? t(`role.${role}`) : role;
}
