// When a task is due: the date, how far away it is, and "Overdue" in words, not only in red.
// The server decides what is overdue; the "in 3 days" / "2 days ago" part is left out when
// this computer's clock disagrees with that verdict.
import { formatDateTime, formatRelative } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';

export function DueDate({ dueAt, overdue }) {
  if (!dueAt) return <span class="due due-none">{t('due.none')}</span>;
  const pastHere = new Date(dueAt).getTime() < Date.now();
  return (
    <span class={`due${overdue ? ' due-overdue' : ''}`}>
      {overdue && <strong class="badge badge-overdue">{t('due.overdue')}</strong>}{' '}
      <time dateTime={dueAt}>{t('due.by', { when: formatDateTime(dueAt) })}</time>
      {pastHere === !!overdue && <span class="due-relative"> ({formatRelative(dueAt)})</span>}
    </span>
  );
}
