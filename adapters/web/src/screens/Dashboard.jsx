// The branch's picture: totals as large numbers, documents in progress and overdue tasks per
// organisation (bars), submissions per day (line), and turnaround per organisation in a
// table that also carries every figure of the charts for those who do not use them.
import { useMemo } from 'preact/hooks';
import { getJson, query } from '../api.js';
import { ChartCanvas } from '../components/Chart.jsx';
import { Loading } from '../components/Loading.jsx';
import { PageHeading } from '../components/PageHeading.jsx';
import { ProblemMessage } from '../components/ProblemMessage.jsx';
import { TableScroll } from '../components/TableScroll.jsx';
import { formatDateTime, formatDayMonth, formatDuration, formatNumber } from '../i18n/format.js';
import { localized, locale, t } from '../i18n/i18n.js';
import { href } from '../router.js';
import { useLoad } from '../useLoad.js';

const COLOURS = { inProgress: '#1d4ed8', overdue: '#b91c1c', line: '#0f766e' };

function orgLabel(org) { return localized(org.name) || org.code; }

// A long PPO name as lines of about `width` characters (fewer on a phone), so the chart
// shows it whole.
function wrapped(text, width = window.matchMedia('(max-width: 30rem)').matches ? 16 : 26) {
  const lines = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ' ' + word;
    else lines.push(word);
  }
  return lines;
}

// The bars show where work is open, busiest first: a branch has dozens of idle PPOs, whose
// empty bars would only push the busy ones apart (the table lists everyone).
const CHART_BARS = 12;
function openWork(org) { return org.inProgress + org.overdueTasks; }
function busiest(organisations) {
  return organisations.filter((o) => openWork(o) > 0).sort((a, b) => openWork(b) - openWork(a)).slice(0, CHART_BARS);
}

function Totals({ totals }) {
  const items = [
    ['inProgress', formatNumber(totals.inProgress)],
    ['overdueTasks', formatNumber(totals.overdueTasks)],
    ['returned', formatNumber(totals.returned)],
    ['completed', formatNumber(totals.completed)],
    ['medianTurnaround', totals.medianTurnaroundSeconds === null ? '—' : formatDuration(totals.medianTurnaroundSeconds)],
  ];
  return (
    <ul class="totals">
      {items.map(([key, value]) => (
        <li key={key} class={`total total-${key}`}>
          <span class="total-value">{value}</span>
          <span class="total-label">{t(`dashboard.${key}`)}</span>
        </li>
      ))}
    </ul>
  );
}

function OrganisationsChart({ organisations }) {
  const config = useMemo(() => ({
    type: 'bar',
    data: {
      labels: organisations.map((o) => wrapped(orgLabel(o))),
      datasets: [
        { label: t('dashboard.inProgress'), data: organisations.map((o) => o.inProgress), backgroundColor: COLOURS.inProgress },
        { label: t('dashboard.overdueTasks'), data: organisations.map((o) => o.overdueTasks), backgroundColor: COLOURS.overdue },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } },
  }), [organisations, locale()]);
  const tall = organisations.length > 6;
  return <ChartCanvas config={config} label={t('dashboard.byOrgChart')} tall={tall} />;
}

function SubmissionsChart({ days }) {
  const config = useMemo(() => ({
    type: 'line',
    data: {
      labels: days.map((d) => formatDayMonth(d.date)),
      datasets: [{ label: t('dashboard.submitted'), data: days.map((d) => d.count), borderColor: COLOURS.line, backgroundColor: COLOURS.line }],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
  }), [days, locale()]);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  return <ChartCanvas config={config} label={t('dashboard.perDayChart', { total: formatNumber(total), days: days.length })} />;
}

function OrganisationsTable({ organisations, current }) {
  return (
    <TableScroll label={t('dashboard.tableCaption')}>
      <table class="table table-orgs">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.organisation')}</th>
            <th scope="col" class="num">{t('dashboard.inProgress')}</th>
            <th scope="col" class="num">{t('dashboard.overdueTasks')}</th>
            <th scope="col" class="num">{t('dashboard.returned')}</th>
            <th scope="col" class="num">{t('dashboard.completed')}</th>
            <th scope="col" class="num">{t('dashboard.medianTurnaround')}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.code} class={o.overdueTasks > 0 ? 'row-overdue' : undefined}>
              <th scope="row">
                {o.code === current ? orgLabel(o) : <a href={href(`/dashboard?org=${encodeURIComponent(o.code)}`)}>{orgLabel(o)}</a>}
                <span class="code"> ({o.code})</span>
              </th>
              <td class="num">{formatNumber(o.inProgress)}</td>
              <td class="num">{formatNumber(o.overdueTasks)}</td>
              <td class="num">{formatNumber(o.returned)}</td>
              <td class="num">{formatNumber(o.completed)}</td>
              <td class="num">{o.medianTurnaroundSeconds === null ? '—' : formatDuration(o.medianTurnaroundSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function Dashboard({ where }) {
  const org = where.query.get('org') || '';
  const { data, error, loading } = useLoad(() => getJson(`/dashboard${query({ org })}`), [org]);
  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      {error?.status === 404 && !org
        ? <p class="notice notice-info">{t('dashboard.unavailable')}</p>
        : <ProblemMessage error={error} />}
      {loading && !data && <Loading />}
      {data && (
        <>
          <p class="lead">
            {t('dashboard.of', { org: localized(data.org.name) || data.org.code })}{' '}
            <span class="hint">{t('dashboard.asOf', { when: formatDateTime(data.asOf) })}</span>
          </p>
          {org && <p><a href={href('/dashboard')}>{t('dashboard.backToMine')}</a></p>}
          <section aria-labelledby="totals-heading">
            <h2 id="totals-heading" class="visually-hidden">{t('dashboard.totals')}</h2>
            <Totals totals={data.totals} />
          </section>
          <div class="dashboard-grid">
            <section class="card" aria-labelledby="by-org-heading">
              <h2 id="by-org-heading">{t('dashboard.byOrg')}</h2>
              {busiest(data.organisations).length
                ? <OrganisationsChart organisations={busiest(data.organisations)} />
                : <p>{t('dashboard.noOpenWork')}</p>}
            </section>
            <section class="card" aria-labelledby="per-day-heading">
              <h2 id="per-day-heading">{t('dashboard.perDay')}</h2>
              <SubmissionsChart days={data.submittedPerDay} />
            </section>
          </div>
          <section class="card" aria-labelledby="orgs-heading">
            <h2 id="orgs-heading">{t('dashboard.table')}</h2>
            <OrganisationsTable organisations={data.organisations} current={data.org.code} />
          </section>
        </>
      )}
    </>
  );
}
