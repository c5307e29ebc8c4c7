// Returning the document to its author, with a comment saying what to change (required).
import { useState } from 'preact/hooks';
import { sendJson } from '../../api.js';
import { BusyButton } from '../../components/BusyButton.jsx';
import { Field } from '../../components/Field.jsx';
import { ProblemMessage } from '../../components/ProblemMessage.jsx';
import { t } from '../../i18n/i18n.js';
import { useAction } from '../../useAction.js';

export function RejectPanel({ doc, task, onDone }) {
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useAction();
  async function reject(event) {
    event.preventDefault();
    setMissing(!comment.trim());
    if (!comment.trim()) return;
    const after = await action.run(() => sendJson('POST', `/documents/${doc.id}/rejection`, { comment: comment.trim(), task: task.id }));
    if (after) onDone(after, 'outcome.rejected');
  }
  return (
    <section class="reject" aria-labelledby="reject-heading">
      <h3 id="reject-heading">{t('reject.heading')}</h3>
      <form class="form" onSubmit={reject} noValidate>
        <ProblemMessage error={action.error} />
        <Field id="reject-comment" label={t('reject.comment')} hint={t('reject.hint')} error={missing && t('validation.required')}>
          {(aria) => <textarea id="reject-comment" rows={3} value={comment} onInput={(e) => setComment(e.currentTarget.value)} {...aria} />}
        </Field>
        <BusyButton kind="danger" busy={action.busy} busyLabel={t('action.busy')}>{t('reject.submit')}</BusyButton>
      </form>
    </section>
  );
}
