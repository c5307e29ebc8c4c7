// The list of what to correct at the top of a form, each item taking the reader to its
// control. It takes focus when it appears after a failed submit.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n.js';

export function ErrorSummary({ items }) {
  const ref = useRef(null);
  useEffect(() => { if (items.length) ref.current?.focus(); }, [items]);
  if (!items.length) return null;
  const goTo = (id) => (event) => {
    event.preventDefault();  // the hash belongs to the router
    document.getElementById(id)?.focus();
  };
  return (
    <div ref={ref} class="problem error-summary" role="alert" tabIndex={-1}>
      <p class="problem-message">{t('form.fix')}</p>
      <ul>
        {items.map((i) => <li key={i.id}><a href={`#${i.id}`} onClick={goTo(i.id)}>{i.text}</a></li>)}
      </ul>
    </div>
  );
}
