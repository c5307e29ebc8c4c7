// A returned document back on the route as a new version: a new file and/or changed fields,
// and a note on what changed. Without a new file the current one is sent again, so a
// correction of the fields alone needs no re-upload.
import { useState } from 'preact/hooks';
import { getBytes, postForm } from '../../api.js';
import { BusyButton } from '../../components/BusyButton.jsx';
import { contentPath } from '../../components/ContentPreview.jsx';
import { ErrorSummary } from '../../components/ErrorSummary.jsx';
import { Field } from '../../components/Field.jsx';
import { ProblemMessage } from '../../components/ProblemMessage.jsx';
import { WorkflowFields, fieldInputId } from '../../components/WorkflowFields.jsx';
import { checkFields } from '../../data/fieldRules.js';
import { localized, t } from '../../i18n/i18n.js';
import { problemField } from '../../problems.js';
import { useAction } from '../../useAction.js';

function changedFields(before, values) {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => (before[k] ?? '') !== v));
}

async function currentFile(doc) {
  const version = doc.versions.find((v) => v.number === doc.version);
  const bytes = await getBytes(contentPath(doc.id, version.number));
  return new File([bytes], version.fileName, { type: version.mediaType.split(';')[0] });
}

export function ResubmitPanel({ doc, definition, onDone }) {
  const [values, setValues] = useState(() => Object.fromEntries(definition.fields.map((f) => [f.name, doc.fields[f.name] ?? ''])));
  const [file, setFile] = useState(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState({});
  const [summary, setSummary] = useState([]);
  const action = useAction();

  const label = (name) => localized(definition.fields.find((f) => f.name === name)?.label) || name;

  async function resubmit(event) {
    event.preventDefault();
    const changes = changedFields(doc.fields, values);
    const found = checkFields(definition.fields, values);
    const items = Object.entries(found).map(([name, e]) => ({ id: fieldInputId('re', name), text: `${label(name)}: ${t(e.key, e.params)}` }));
    if (!items.length && !file && !Object.keys(changes).length) items.push({ id: 're-file', text: t('resubmit.nothingChanged') });
    setErrors(found);
    setSummary(items);
    if (items.length) return;
    const after = await action.run(async () => {
      const form = new FormData();
      const upload = file || await currentFile(doc);
      form.append('file', upload, upload.name);
      if (Object.keys(changes).length) form.append('fields', JSON.stringify(changes));
      if (comment.trim()) form.append('comment', comment.trim());
      return postForm(`/documents/${doc.id}/versions`, form);
    });
    if (after) onDone(after, 'outcome.resubmitted');
  }

  const serverField = problemField(action.error);
  const fieldErrors = serverField && definition.fields.some((f) => f.name === serverField)
    ? { ...errors, [serverField]: { key: 'validation.server', params: { detail: action.error.detail } } } : errors;
  return (
    <form class="form" onSubmit={resubmit} noValidate>
      <ErrorSummary items={summary} />
      <ProblemMessage error={action.error} />
      <Field id="re-file" label={t('resubmit.file')} hint={t('resubmit.fileHint')} optional>
        {(aria) => <input id="re-file" type="file" onChange={(e) => setFile(e.currentTarget.files[0] || null)} {...aria} />}
      </Field>
      <WorkflowFields fields={definition.fields} values={values} errors={fieldErrors} idPrefix="re"
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))} />
      <Field id="re-comment" label={t('resubmit.comment')} optional>
        {(aria) => <textarea id="re-comment" rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} {...aria} />}
      </Field>
      <BusyButton busy={action.busy} busyLabel={t('action.busy')}>{t('resubmit.submit')}</BusyButton>
    </form>
  );
}
