// My tasks: what waits for me, soonest due first, overdue ones marked in words and colour.
import { getJson } from '../api.js';
import { DueDate } from '../components/DueDate.jsx';
import { Loading } from '../components/Loading.jsx';
import { OrgName } from '../components/Names.jsx';
import { PageHeading } from '../components/PageHeading.jsx';
import { ProblemMessage } from '../components/ProblemMessage.jsx';
import { workflow, stepOf } from '../data/workflows.js';
import { formatDateTime } from '../i18n/format.js';
import { localized, t } from '../i18n/i18n.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../useLoad.js';

async function loadInbox() {
  const page = await getJson('/tasks');
  const ids = [...new Set(page.items.map((i) => i.documentSummary.workflow))];
  const definitions = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await workflow(id)])));
  return { items: page.items, definitions };
}

function TaskCard({ item, definition }) {
  const doc = item.documentSummary;
  const step = stepOf(definition, item.step);
  return (
    <li class={`card task${item.overdue ? ' task-overdue' : ''}`}>
      <h2 class="card-title"><a href={href(`/documents/${doc.id}`)}>{doc.title}</a></h2>
      <p class="task-action">
        <strong>{t(`task.kind.${step?.kind || 'other'}`)}</strong>
        {step && <span> · {localized(step.title)}</span>}
      </p>
      <dl class="facts">
        <div><dt>{t('doc.workflow')}</dt><dd>{localized(definition?.title) || doc.workflow}</dd></div>
        <div><dt>{t('doc.origin')}</dt><dd><OrgName code={doc.origin} /></dd></div>
        <div><dt>{t('task.received')}</dt><dd><time dateTime={item.openedAt}>{formatDateTime(item.openedAt)}</time></dd></div>
        <div><dt>{t('task.due')}</dt><dd><DueDate dueAt={item.dueAt} overdue={item.overdue} /></dd></div>
      </dl>
    </li>
  );
}

export function Inbox() {
  const me = useSession();
  const { data, error, loading } = useLoad(loadInbox, []);
  const overdue = data ? data.items.filter((i) => i.overdue).length : 0;
  return (
    <>
      <PageHeading>{t('inbox.title')}</PageHeading>
      {me.canSubmit && (
        <p class="actions-row">
          <a class="button button-primary" href={href('/documents/new')}>{t('inbox.start')}</a>
          <a class="button button-secondary" href={href(`/documents?author=${encodeURIComponent(me.login)}`)}>{t('inbox.mine')}</a>
        </p>
      )}
      <ProblemMessage error={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p class="summary">
            {data.items.length === 0 ? t('inbox.empty') : t('inbox.summary', { count: data.items.length, overdue })}
          </p>
          <ul class="cards">
            {data.items.map((item) => <TaskCard key={item.id} item={item} definition={data.definitions[item.documentSummary.workflow]} />)}
          </ul>
        </>
      )}
    </>
  );
}
