// The frame of every screen: a skip link, the header (name, who is signed in, language,
// sign-out), the navigation for what this person may do, and the main content.
import { t } from '../i18n/i18n.js';
import { href } from '../router.js';
import { LanguageSwitcher } from './LanguageSwitcher.jsx';

function navItems(me) {
  return [
    { path: '/inbox', label: t('nav.inbox') },
    { path: '/documents', label: t('nav.documents') },
    me.canSubmit && { path: '/documents/new', label: t('nav.new') },
    me.isOfficial && { path: '/dashboard', label: t('nav.dashboard') },
    me.isAuditor && { path: '/audit', label: t('nav.audit') },
  ].filter(Boolean);
}

// The nav entry a path belongs to: the longest one it starts with.
function activeItem(items, path) {
  return items.filter((i) => path === i.path || path.startsWith(`${i.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

export function Layout({ me, path, onSignOut, children }) {
  const items = me ? navItems(me) : [];
  const active = activeItem(items, path);
  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('nav.skip')}
      </a>
      <header class="site-header">
        <div class="header-row">
          <a class="brand" href={href(me ? '/inbox' : '/')}>{t('app.name')}</a>
          <LanguageSwitcher />
        </div>
        {me && (
          <div class="header-row header-user">
            <span class="signed-in-as">{t('session.signedInAs', { name: me.displayName || me.login })}</span>
            <button type="button" class="button button-link" onClick={onSignOut}>{t('session.signOut')}</button>
          </div>
        )}
        {me && (
          <nav class="site-nav" aria-label={t('nav.label')}>
            <ul>
              {items.map((i) => (
                <li key={i.path}>
                  <a href={href(i.path)} aria-current={i === active ? 'page' : undefined}>{i.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
