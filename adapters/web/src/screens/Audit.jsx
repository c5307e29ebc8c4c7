// The audit chain: whether it is intact (recomputed on demand), and its latest events.
import { getJson, query } from '../api.js';
import { BusyButton } from '../components/BusyButton.jsx';
import { Loading } from '../components/Loading.jsx';
import { PersonName } from '../components/Names.jsx';
import { PageHeading } from '../components/PageHeading.jsx';
import { ProblemMessage } from '../components/ProblemMessage.jsx';
import { TableScroll } from '../components/TableScroll.jsx';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { has, t } from '../i18n/i18n.js';
import { href } from '../router.js';
import { useLoad } from '../useLoad.js';

const RECENT = 20;

async function loadAudit() {
  const verification = await getJson('/audit/verification');
  const recent = await getJson(`/audit${query({ after: Math.max(0, verification.headSeq - RECENT), limit: RECENT })}`);
  return { verification, recent: [...recent.items].reverse() };
}

function Verdict({ verification }) {
  if (verification.intact) {
    return (
      <div class="verdict verdict-ok" role="status">
        <p class="verdict-title">{t('audit.intact')}</p>
        <p>{t('audit.intactDetail', { events: formatNumber(verification.events), head: verification.headSeq })}</p>
        <p class="hint">{t('audit.headHash')} <code class="hash">{verification.headHash}</code></p>
      </div>
    );
  }
  return (
    <div class="verdict verdict-broken" role="alert">
      <p class="verdict-title">{t('audit.broken', { seq: verification.firstBadSeq ?? '?' })}</p>
      <p>{t('audit.brokenDetail')}</p>
      {verification.problem && <p class="problem-detail" lang="en">{verification.problem}</p>}
    </div>
  );
}

function subjectLink(subject) {
  const id = /^document\/(\d+)$/.exec(subject)?.[1];
  return id ? <a href={href(`/documents/${id}`)}>{t('audit.document', { id })}</a> : subject;
}

export function Audit() {
  const { data, error, loading, reload } = useLoad(loadAudit, []);
  const notAuditor = error?.status === 404;
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <p class="lead">{t('audit.intro')}</p>
      {notAuditor ? <p class="notice notice-info">{t('audit.onlyAuditors')}</p> : <ProblemMessage error={error} />}
      {loading && !data && <Loading />}
      {data && (
        <>
          <section class="card" aria-labelledby="chain-heading">
            <h2 id="chain-heading">{t('audit.chain')}</h2>
            <Verdict verification={data.verification} />
            <BusyButton type="button" kind="secondary" busy={loading} busyLabel={t('audit.checking')} onClick={reload}>{t('audit.check')}</BusyButton>
          </section>
          <section class="card" aria-labelledby="recent-heading">
            <h2 id="recent-heading">{t('audit.recent')}</h2>
            <TableScroll label={t('audit.tableCaption')}>
              <table class="table">
                <thead><tr><th scope="col">#</th><th scope="col">{t('audit.time')}</th><th scope="col">{t('audit.actor')}</th><th scope="col">{t('audit.action')}</th><th scope="col">{t('audit.subject')}</th></tr></thead>
                <tbody>
                  {data.recent.map((e) => (
                    <tr key={e.seq}>
                      <td>{e.seq}</td>
                      <td><time dateTime={e.time}>{formatDateTime(e.time)}</time></td>
                      <td><PersonName login={e.actor} /></td>
                      <td>{has(`action.${e.action}`) ? t(`action.${e.action}`) : e.action}</td>
                      <td>{subjectLink(e.subject)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        </>
      )}
    </>
  );
}
