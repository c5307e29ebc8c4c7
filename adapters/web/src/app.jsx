// The application: who is signed in, which screen the address asks for, and the frame around
// it. A lost session (any 401) brings back the sign-in, then the screen that was open.
import { useEffect, useState } from 'preact/hooks';
import { whenUnauthenticated } from './api.js';
import { Layout } from './components/Layout.jsx';
import { Loading } from './components/Loading.jsx';
import { ProblemMessage } from './components/ProblemMessage.jsx';
import { t, useLocale } from './i18n/i18n.js';
import { match, navigate, useLocation } from './router.js';
import { Audit } from './screens/Audit.jsx';
import { Dashboard } from './screens/Dashboard.jsx';
import { DocumentView } from './screens/DocumentView.jsx';
import { Documents } from './screens/Documents.jsx';
import { Inbox } from './screens/Inbox.jsx';
import { NewDocument } from './screens/NewDocument.jsx';
import { NotFound } from './screens/NotFound.jsx';
import { SignIn } from './screens/SignIn.jsx';
import { SessionContext, loadOffers, loadSession, signOut } from './session.js';

const ROUTES = [
  ['/inbox', Inbox],
  ['/documents', Documents],
  ['/documents/new', NewDocument],
  ['/documents/:id', DocumentView],
  ['/dashboard', Dashboard],
  ['/audit', Audit],
];

function screenFor(path) {
  for (const [pattern, Screen] of ROUTES) {
    const params = match(pattern, path);
    if (params) return { Screen, params };
  }
  return { Screen: NotFound, params: {} };
}

export function App() {
  useLocale();  // every string follows the chosen language
  const where = useLocation();
  const [session, setSession] = useState({ state: 'loading' });

  async function refresh() {
    try {
      const me = await loadSession();
      setSession(me ? { state: 'in', me } : { state: 'out' });
      if (!me) return;
      // Menus gain "New document" and "Dashboard" when this arrives; a failure only leaves
      // them out (the screens behind them load what they need and say what went wrong).
      loadOffers(me).then(
        (offers) => setSession((s) => (s.state === 'in' && s.me.login === me.login ? { ...s, me: { ...s.me, ...offers } } : s)),
        () => {});
    } catch (error) {
      setSession({ state: 'failed', error });
    }
  }

  useEffect(() => {
    whenUnauthenticated(() => setSession((s) => ({ state: 'out', expired: s.state === 'in' })));
    refresh();
  }, []);

  useEffect(() => {
    if (where.path === '/' && session.state === 'in') navigate('/inbox', { replace: true });
  }, [where.path, session.state]);

  async function leave() {
    try { await signOut(); } catch { /* signed out either way */ }
    setSession({ state: 'out' });
    navigate('/', { replace: true });
  }

  let content;
  if (session.state === 'loading') content = <Loading />;
  else if (session.state === 'failed') content = <><h1>{t('app.name')}</h1><ProblemMessage error={session.error} /></>;
  else if (session.state === 'out') content = <SignIn expired={session.expired} onSignedIn={refresh} />;
  else {
    const { Screen, params } = screenFor(where.path === '/' ? '/inbox' : where.path);
    content = <Screen key={where.path} params={params} where={where} />;
  }
  const me = session.state === 'in' ? session.me : null;
  return (
    <SessionContext.Provider value={me}>
      <Layout me={me} path={where.path} onSignOut={leave}>{content}</Layout>
    </SessionContext.Provider>
  );
}
