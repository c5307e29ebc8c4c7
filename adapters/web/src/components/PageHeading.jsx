// The screen's one h1. It takes focus when the screen opens, so keyboard and screen-reader
// users start at the top of the new content, and it names the browser tab.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n.js';

export function PageHeading({ children, title }) {
  const ref = useRef(null);
  useEffect(() => { ref.current?.focus({ preventScroll: false }); }, []);
  useEffect(() => { document.title = `${title ?? ref.current?.textContent ?? ''} — ${t('app.name')}`; });
  return <h1 ref={ref} tabIndex={-1} class="page-heading">{children}</h1>;
}
