// Documents I may see, with full-text search (title, fields, text) and a state filter. The
// search lives in the address (#/documents?q=…), so Back and bookmarks work.
import { useEffect, useState } from 'preact/hooks';
import { getJson, query } from '../api.js';
import { BusyButton } from '../components/BusyButton.jsx';
import { Loading } from '../components/Loading.jsx';
import { OrgName, PersonName } from '../components/Names.jsx';
import { PageHeading } from '../components/PageHeading.jsx';
import { ProblemMessage } from '../components/ProblemMessage.jsx';
import { StateBadge } from '../components/StateBadge.jsx';
import { stepTitle, workflow } from '../data/workflows.js';
import { formatDateTime } from '../i18n/format.js';
import { localized, t } from '../i18n/i18n.js';
import { href, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../useLoad.js';

const STATES = ['in-progress', 'returned', 'completed'];

async function withDefinitions(page) {
  const keys = [...new Set(page.items.map((d) => `${d.workflow}@${d.workflowVersion}`))];
  const definitions = Object.fromEntries(await Promise.all(keys.map(async (k) => {
    const [id, version] = k.split('@');
    return [k, await workflow(id, version)];
  })));
  return { ...page, definitions };
}

function DocumentCard({ doc, definition }) {
  return (
    <li class="card">
      <h2 class="card-title"><a href={href(`/documents/${doc.id}`)}>{doc.title}</a></h2>
      <p><StateBadge state={doc.state} />
        {doc.state === 'in-progress' && <span class="step-now"> {t('doc.atStep', { step: stepTitle(definition, doc.step) })}</span>}
        {doc.registrationNumber && <span class="step-now"> {t('doc.registeredAs', { number: doc.registrationNumber })}</span>}
      </p>
      <dl class="facts">
        <div><dt>{t('doc.workflow')}</dt><dd>{localized(definition?.title) || doc.workflow}</dd></div>
        <div><dt>{t('doc.origin')}</dt><dd><OrgName code={doc.origin} /></dd></div>
        <div><dt>{t('doc.author')}</dt><dd><PersonName login={doc.author} /></dd></div>
        <div><dt>{t('doc.updated')}</dt><dd><time dateTime={doc.updatedAt}>{formatDateTime(doc.updatedAt)}</time></dd></div>
      </dl>
    </li>
  );
}

export function Documents({ where }) {
  const me = useSession();
  const filters = { q: where.query.get('q') || '', state: where.query.get('state') || '', author: where.query.get('author') || '' };
  const [text, setText] = useState(filters.q);
  const [state, setState] = useState(filters.state);
  const [mine, setMine] = useState(!!filters.author);
  useEffect(() => { setText(filters.q); setState(filters.state); setMine(!!filters.author); }, [where.raw]);

  const { data, error, loading } = useLoad(() => getJson(`/documents${query({ ...filters, limit: 25 })}`).then(withDefinitions), [where.raw]);
  // Pages after the first; `next` stays undefined until one has been loaded.
  const [more, setMore] = useState({ items: [], next: undefined, busy: false, error: null });
  useEffect(() => setMore({ items: [], next: undefined, busy: false, error: null }), [data]);

  const next = more.next === undefined ? data?.next : more.next;
  async function showMore() {
    setMore((m) => ({ ...m, busy: true, error: null }));
    try {
      const page = await withDefinitions(await getJson(next.replace(/^\/api\/v1/, '')));
      setMore((m) => ({ items: [...m.items, ...page.items], definitions: { ...m.definitions, ...page.definitions }, next: page.next, busy: false, error: null }));
    } catch (e) {
      setMore((m) => ({ ...m, busy: false, error: e }));
    }
  }

  function search(event) {
    event.preventDefault();
    navigate(`/documents${query({ q: text.trim(), state, author: mine ? me.login : '' })}`);
  }

  const items = data ? [...data.items, ...more.items] : [];
  const definitions = { ...data?.definitions, ...more.definitions };
  return (
    <>
      <PageHeading>{t('documents.title')}</PageHeading>
      <form class="card search" role="search" onSubmit={search}>
        <div class="field">
          <label for="search-text">{t('documents.searchLabel')}</label>
          <p class="hint" id="search-hint">{t('documents.searchHint')}</p>
          <div class="search-row">
            <input id="search-text" type="search" value={text} aria-describedby="search-hint" onInput={(e) => setText(e.currentTarget.value)} />
            <button type="submit" class="button button-primary">{t('documents.search')}</button>
          </div>
        </div>
        <div class="filters">
          <div class="field">
            <label for="search-state">{t('documents.state')}</label>
            <select id="search-state" value={state} onChange={(e) => setState(e.currentTarget.value)}>
              <option value="">{t('documents.anyState')}</option>
              {STATES.map((s) => <option key={s} value={s}>{t(`state.${s}`)}</option>)}
            </select>
          </div>
          <div class="field check">
            <input id="search-mine" type="checkbox" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
            <label for="search-mine">{t('documents.onlyMine')}</label>
          </div>
        </div>
      </form>
      <ProblemMessage error={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p class="summary" role="status">
            {items.length === 0 ? t('documents.none') : filters.q ? t('documents.foundFor', { count: items.length, q: filters.q }) : t('documents.shown', { count: items.length })}
          </p>
          <ul class="cards">
            {items.map((d) => <DocumentCard key={d.id} doc={d} definition={definitions[`${d.workflow}@${d.workflowVersion}`]} />)}
          </ul>
          <ProblemMessage error={more.error} />
          {next && <BusyButton type="button" kind="secondary" busy={more.busy} busyLabel={t('common.loading')} onClick={showMore}>{t('common.showMore')}</BusyButton>}
        </>
      )}
    </>
  );
}
