// The route step by step: which steps are done, which is current, and at each one who signed,
// approved or returned it, and whom it still waits for (the latest round of each step).
import { formatDateTime } from '../i18n/format.js';
import { localized, t, tx } from '../i18n/i18n.js';
import { DueDate } from './DueDate.jsx';
import { PersonName, SeatName } from './Names.jsx';

function latestRound(tasks) {
  const round = Math.max(...tasks.map((x) => x.round));
  return tasks.filter((x) => x.round === round && x.state !== 'superseded');
}

// Steps are listed in route order: those before the current one are done (or were skipped by
// a branch), those after it are still to come.
function stepStatus(index, currentIndex, step, doc, tasks) {
  if (index === currentIndex) return { completed: 'done', returned: 'returned' }[doc.state] || 'current';
  if (index > currentIndex) return 'later';
  if (step.kind === 'submit') return 'done';
  return tasks.some((x) => x.state === 'approved') ? 'done' : 'skipped';
}

function Decision({ task, signed, kind }) {
  const when = <time dateTime={task.closedAt}>{formatDateTime(task.closedAt)}</time>;
  const who = <PersonName login={task.actor} />;
  if (task.state === 'rejected') {
    return <li class="decision decision-rejected">{tx('route.rejectedBy', { who, when })}{task.comment && <q class="comment">{task.comment}</q>}</li>;
  }
  const key = signed ? 'route.signedBy' : `route.doneBy.${kind}`;
  return <li class="decision decision-approved">{tx(key, { who, when })}{task.comment && <q class="comment">{task.comment}</q>}</li>;
}

export function RouteProgress({ definition, doc }) {
  const signedTasks = new Set(doc.signatures.map((s) => s.task));
  const steps = definition.stepDetails.filter((s) => s.kind !== 'branch');
  const currentIndex = steps.findIndex((s) => s.id === doc.step);
  return (
    <ol class="route-steps">
      {steps.map((step, index) => {
        const all = doc.tasks.filter((x) => x.step === step.id);
        const tasks = all.length ? latestRound(all) : [];
        const status = stepStatus(index, currentIndex, step, doc, tasks);
        return (
          <li key={step.id} class={`route-step route-step-${status}`} aria-current={status === 'current' || status === 'returned' ? 'step' : undefined}>
            <span class="route-step-title">{localized(step.title) || step.id}</span>
            <span class="route-step-status"> — {t(`route.status.${status}`)}</span>
            {tasks.length > 0 && step.kind !== 'submit' && status !== 'later' && (
              <ul class="decisions">
                {tasks.map((x) => (x.state === 'approved' || x.state === 'rejected'
                  ? <Decision key={x.id} task={x} signed={signedTasks.has(x.id)} kind={step.kind} />
                  : x.state === 'open' && (
                    <li key={x.id} class="decision decision-open">
                      {tx('route.waitingFor', { who: <SeatName task={x} /> })}{' '}
                      {x.dueAt && <DueDate dueAt={x.dueAt} overdue={new Date(x.dueAt) < new Date()} />}
                    </li>)))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
