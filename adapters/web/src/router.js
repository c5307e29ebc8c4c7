// A hash router: #/documents/4?v=2 → {path: '/documents/4', query: URLSearchParams}. Routes are
// patterns like '/documents/:id'; the first that matches wins.
import { useEffect, useState } from 'preact/hooks';

function currentLocation() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return { path: path || '/', query: new URLSearchParams(search), raw };
}

export function useLocation() {
  const [where, setWhere] = useState(currentLocation);
  useEffect(() => {
    const update = () => setWhere(currentLocation());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return where;
}

export function match(pattern, path) {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

export function href(path) { return `#${path}`; }

export function navigate(path, { replace = false } = {}) {
  if (replace) location.replace(href(path));
  else location.hash = path;
}
