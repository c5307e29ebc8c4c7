// One document: where it is now, its content, what I can do with it, its route and its history.
import { useEffect, useState } from 'preact/hooks';
import { apiUrl, getJson } from '../api.js';
import { ContentPreview } from '../components/ContentPreview.jsx';
import { Loading } from '../components/Loading.jsx';
import { OrgName, PersonName, SeatName } from '../components/Names.jsx';
import { Notice } from '../components/Notice.jsx';
import { PageHeading } from '../components/PageHeading.jsx';
import { ProblemMessage } from '../components/ProblemMessage.jsx';
import { RouteDiagram } from '../components/RouteDiagram.jsx';
import { RouteProgress } from '../components/RouteProgress.jsx';
import { StateBadge } from '../components/StateBadge.jsx';
import { Timeline } from '../components/Timeline.jsx';
import { stepTitle, workflow } from '../data/workflows.js';
import { takeFlash } from '../flash.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { localized, t, tx } from '../i18n/i18n.js';
import { outcomeMessage } from '../outcome.js';
import { useLoad } from '../useLoad.js';
import { TaskActions } from './document/TaskActions.jsx';

async function loadDocument(id) {
  const [doc, inbox] = await Promise.all([getJson(`/documents/${id}`), getJson('/tasks')]);
  const definition = await workflow(doc.workflow, doc.workflowVersion);
  return { doc, definition, myTask: inbox.items.find((x) => x.document === doc.id) };
}

// The latest return to the author: who returned it, when and why.
function lastRejection(doc) {
  return doc.tasks.filter((x) => x.state === 'rejected').sort((a, b) => (a.closedAt < b.closedAt ? 1 : -1))[0];
}

function WhereItIs({ doc, definition, myTask }) {
  const open = doc.tasks.filter((x) => x.state === 'open' && x.step === doc.step);
  const rejection = doc.state === 'returned' && lastRejection(doc);
  return (
    <section class="card status" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('doc.whereNow')}</h2>
      <p class="status-line"><StateBadge state={doc.state} />{' '}
        {doc.state === 'in-progress' && t('doc.atStep', { step: stepTitle(definition, doc.step) })}
        {doc.state === 'completed' && (doc.registrationNumber ? t('doc.registeredAs', { number: doc.registrationNumber }) : t('doc.routeDone'))}
        {doc.state === 'returned' && tx('doc.returnedTo', { author: <PersonName login={doc.author} /> })}
      </p>
      {rejection && (
        <div class="rejection">
          <p>{tx('doc.returnedBy', { who: <PersonName login={rejection.actor} />, when: formatDateTime(rejection.closedAt), step: stepTitle(definition, rejection.step) })}</p>
          <blockquote class="comment">{rejection.comment}</blockquote>
        </div>
      )}
      {doc.state === 'in-progress' && open.length > 0 && (
        <p>{t('doc.waitingFor')}{' '}
          {open.map((x, i) => <span key={x.id}>{i > 0 && ', '}<SeatName task={x} /></span>)}
        </p>
      )}
      {myTask && <p class="your-turn"><strong>{t(myTask.step === doc.step && doc.state === 'returned' ? 'doc.yourTurnResubmit' : 'doc.yourTurn')}</strong></p>}
    </section>
  );
}

function FieldValues({ doc, definition }) {
  const shown = definition.fields.filter((f) => doc.fields[f.name]);
  const value = (f) => {
    const v = doc.fields[f.name];
    if (f.type === 'enum') return localized(f.options.find((o) => o.value === v)?.label) || v;
    if (f.type === 'date') return formatDate(v);
    if (f.type === 'boolean') return t(v === 'true' ? 'common.yes' : 'common.no');
    return v;
  };
  return (
    <dl class="facts">
      <div><dt>{t('doc.number')}</dt><dd>{doc.id}</dd></div>
      <div><dt>{t('doc.workflow')}</dt><dd>{localized(definition.title)}</dd></div>
      <div><dt>{t('doc.origin')}</dt><dd><OrgName code={doc.origin} /></dd></div>
      <div><dt>{t('doc.author')}</dt><dd><PersonName login={doc.author} /></dd></div>
      <div><dt>{t('doc.created')}</dt><dd>{formatDateTime(doc.createdAt)}</dd></div>
      {shown.map((f) => <div key={f.name}><dt>{localized(f.label) || f.name}</dt><dd class="field-value">{value(f)}</dd></div>)}
    </dl>
  );
}

function DocumentSection({ doc, definition }) {
  const [shownNumber, setShownNumber] = useState(doc.version);
  useEffect(() => setShownNumber(doc.version), [doc.version]);
  const shown = doc.versions.find((v) => v.number === shownNumber) || doc.versions[doc.versions.length - 1];
  return (
    <section class="card" aria-labelledby="content-heading">
      <h2 id="content-heading">{t('doc.content')}</h2>
      <FieldValues doc={doc} definition={definition} />
      {doc.versions.length > 1 && (
        <div class="field">
          <label for="version-shown">{t('doc.versionShown')}</label>
          <select id="version-shown" value={shown.number} onChange={(e) => setShownNumber(Number(e.currentTarget.value))}>
            {[...doc.versions].reverse().map((v) => (
              <option key={v.number} value={v.number}>
                {t(v.number === doc.version ? 'doc.versionCurrent' : 'doc.versionOld', { n: v.number, date: formatDateTime(v.createdAt) })}
              </option>
            ))}
          </select>
        </div>
      )}
      {shown.comment && <p class="comment-line">{t('doc.versionComment')} <q class="comment">{shown.comment}</q></p>}
      <ContentPreview docId={doc.id} version={shown} title={doc.title} />
    </section>
  );
}

function HistorySection({ doc, definition, revision }) {
  const { data, error, loading } = useLoad(() => getJson(`/documents/${doc.id}/history`), [doc.id, revision]);
  return (
    <section class="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('doc.history')}</h2>
      <p class="evidence">
        <a class="button button-secondary" href={apiUrl(`/documents/${doc.id}/evidence`)} download={`document-${doc.id}-evidence.zip`}>
          {t('doc.evidence')}
        </a>
        <span class="hint"> {t('doc.evidenceHint')}</span>
      </p>
      <ProblemMessage error={error} />
      {loading && !data && <Loading />}
      {data && <Timeline events={data.items} signatures={doc.signatures} definition={definition} />}
    </section>
  );
}

export function DocumentView({ params }) {
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState(() => takeFlash());
  const { data, error, loading } = useLoad(() => loadDocument(params.id), [params.id, revision]);

  function done(after, actionKey) {
    const before = data.doc;
    setNotice(() => () => outcomeMessage(actionKey, before, after, data.definition));
    setRevision((r) => r + 1);
  }

  if (!data) {
    return (
      <>
        <PageHeading>{t('doc.heading', { id: params.id })}</PageHeading>
        <ProblemMessage error={error} />
        {loading && <Loading />}
      </>
    );
  }
  const { doc, definition, myTask } = data;
  return (
    <>
      <PageHeading title={doc.title}>{doc.title}</PageHeading>
      <Notice text={notice && notice()} />
      <ProblemMessage error={error} />
      <WhereItIs doc={doc} definition={definition} myTask={myTask} />
      <div class="doc-grid">
        <div class="doc-main"><DocumentSection doc={doc} definition={definition} /></div>
        <div class="doc-side">
          {myTask && <TaskActions key={`${myTask.id}-${doc.version}`} doc={doc} task={myTask} definition={definition} onDone={done} />}
          <section class="card" aria-labelledby="route-heading">
            <h2 id="route-heading">{t('doc.route')}</h2>
            <RouteDiagram definition={definition} current={doc.state === 'completed' ? null : doc.step} />
            <RouteProgress definition={definition} doc={doc} />
          </section>
        </div>
      </div>
      <HistorySection doc={doc} definition={definition} revision={revision} />
    </>
  );
}
