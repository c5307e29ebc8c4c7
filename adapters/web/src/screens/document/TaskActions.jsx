// What I can do with this document now, chosen by the kind of step my task is at: resubmit
// a returned document, sign, or approve (review, register, acknowledge); and return it.
import { stepOf } from '../../data/workflows.js';
import { localized, t } from '../../i18n/i18n.js';
import { ApprovePanel } from './ApprovePanel.jsx';
import { RejectPanel } from './RejectPanel.jsx';
import { ResubmitPanel } from './ResubmitPanel.jsx';
import { SignPanel } from './SignPanel.jsx';

const REJECTABLE = new Set(['sign', 'review', 'register']);

export function TaskActions({ doc, task, definition, onDone }) {
  const step = stepOf(definition, task.step);
  const kind = step?.kind || 'review';
  let main;
  if (kind === 'submit') main = <ResubmitPanel doc={doc} definition={definition} onDone={onDone} />;
  else if (kind === 'sign') main = <SignPanel doc={doc} task={task} onDone={onDone} />;
  else main = <ApprovePanel doc={doc} task={task} kind={kind} onDone={onDone} />;
  return (
    <section class="card actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading" tabIndex={-1}>{t(`actions.heading.${kind}`)}</h2>
      {step && kind !== 'submit' && <p class="hint">{t('actions.atStep', { step: localized(step.title) })}</p>}
      {main}
      {REJECTABLE.has(kind) && <RejectPanel doc={doc} task={task} onDone={onDone} />}
    </section>
  );
}
