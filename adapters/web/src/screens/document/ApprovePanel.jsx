// Approving without a signature: review, registration, acknowledgement.
import { useState } from 'preact/hooks';
import { sendJson } from '../../api.js';
import { BusyButton } from '../../components/BusyButton.jsx';
import { Field } from '../../components/Field.jsx';
import { ProblemMessage } from '../../components/ProblemMessage.jsx';
import { t } from '../../i18n/i18n.js';
import { useAction } from '../../useAction.js';

export function ApprovePanel({ doc, task, kind, onDone }) {
  const [comment, setComment] = useState('');
  const action = useAction();
  async function approve(event) {
    event.preventDefault();
    const after = await action.run(() => sendJson('POST', `/documents/${doc.id}/approval`, { comment: comment.trim(), task: task.id }));
    if (after) onDone(after, `outcome.approved.${kind}`);
  }
  return (
    <form class="form" onSubmit={approve} noValidate>
      <p class="hint">{t(`approve.explain.${kind}`)}</p>
      <ProblemMessage error={action.error} />
      <Field id="approve-comment" label={t('action.comment')} optional>
        {(aria) => <textarea id="approve-comment" rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} {...aria} />}
      </Field>
      <BusyButton busy={action.busy} busyLabel={t('action.busy')}>{t(`approve.submit.${kind}`)}</BusyButton>
    </form>
  );
}
