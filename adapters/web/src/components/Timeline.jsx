// The document's history from its audit events: versions, who did what and when, every
// signature with its verification details, refusals included (auditors need those too).
import { stepTitle } from '../data/workflows.js';
import { formatDateTime } from '../i18n/format.js';
import { has, localized, t, tx } from '../i18n/i18n.js';
import { PersonName } from './Names.jsx';
import { SignatureDetails } from './SignatureDetails.jsx';

function parseDetails(text) {
  try { return JSON.parse(text) || {}; } catch { return {}; }
}

// A field's label and a value's option label, for the route's branching events.
function fieldWords(definition, name, value) {
  const field = definition?.fields?.find((f) => f.name === name);
  const option = field?.options?.find((o) => o.value === value);
  return { field: localized(field?.label) || name, value: localized(option?.label) || value };
}

// The sentence for one event; kind-specific wording where the step's kind matters.
function describe(event, details, definition) {
  const step = (id) => (id ? `«${stepTitle(definition, id)}»` : '');
  const branchOn = fieldWords(definition, details.field, details.value);
  const params = {
    actor: <PersonName login={event.actor} />,
    step: step(details.step),
    to: step(details.to),
    version: details.version,
    file: details.file,
    number: details.number,
    author: details.author && <PersonName login={details.author} />,
    due: details.due && formatDateTime(details.due),
    whom: details['escalated-to'],
    branch: step(details.branch),
    field: branchOn.field,
    value: branchOn.value,
    command: details.command && (has(`command.${details.command}`) ? t(`command.${details.command}`) : details.command),
  };
  let key = `event.${event.action}`;
  if (event.action === 'task.approve') {
    const kind = definition?.stepDetails?.find((s) => s.id === details.step)?.kind;
    key = details.signature ? 'event.task.approve.signed' : `event.task.approve.${has(`event.task.approve.${kind}`) ? kind : 'other'}`;
  }
  return has(key) ? tx(key, params) : tx('event.other', { ...params, action: event.action });
}

export function Timeline({ events, signatures, definition }) {
  const bySignature = new Map(signatures.map((s) => [s.cmsSha256, s]));
  return (
    <ol class="timeline">
      {events.map((event) => {
        const details = parseDetails(event.details);
        const signature = details.signature && bySignature.get(details.signature);
        return (
          <li key={event.seq} class={`event event-${event.action.replace('.', '-')}`}>
            <time dateTime={event.time}>{formatDateTime(event.time)}</time>
            <p class="event-text">{describe(event, details, definition)}</p>
            {details.comment && <p class="comment-line">{t('event.comment')} <q class="comment">{details.comment}</q></p>}
            {details.reason && <p class="problem-detail" lang="en">{details.reason}</p>}
            {signature && <SignatureDetails signature={signature} />}
          </li>
        );
      })}
    </ol>
  );
}
