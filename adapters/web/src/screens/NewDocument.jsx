// Start a document: choose the kind (workflow), give it a title, fill the workflow's fields,
// attach the file and submit it for approval. Checked here first, then by the server; the
// server's refusals appear next to the field they are about.
import { useMemo, useState } from 'preact/hooks';
import { postForm } from '../api.js';
import { BusyButton } from '../components/BusyButton.jsx';
import { ErrorSummary } from '../components/ErrorSummary.jsx';
import { Field } from '../components/Field.jsx';
import { Loading } from '../components/Loading.jsx';
import { OrgName } from '../components/Names.jsx';
import { PageHeading } from '../components/PageHeading.jsx';
import { ProblemMessage } from '../components/ProblemMessage.jsx';
import { RouteDiagram } from '../components/RouteDiagram.jsx';
import { WorkflowFields, fieldInputId } from '../components/WorkflowFields.jsx';
import { checkFields, filledFields } from '../data/fieldRules.js';
import { allWorkflows, canStart, startingOrgs } from '../data/workflows.js';
import { flash } from '../flash.js';
import { localized, t } from '../i18n/i18n.js';
import { outcomeMessage } from '../outcome.js';
import { problemField } from '../problems.js';
import { navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../useLoad.js';

const MAX_TITLE = 500;

function SubmitForm({ definition, me }) {
  const orgs = useMemo(() => startingOrgs(definition, me), [definition, me]);
  const [title, setTitle] = useState('');
  const [values, setValues] = useState({});
  const [file, setFile] = useState(null);
  const [org, setOrg] = useState('');
  const [errors, setErrors] = useState({});
  const [summary, setSummary] = useState([]);
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);

  const setField = (name, value) => setValues((v) => ({ ...v, [name]: value }));

  function check() {
    const found = {};
    if (!title.trim()) found.title = { key: 'validation.required' };
    else if ([...title].length > MAX_TITLE) found.title = { key: 'validation.tooLong', params: { max: MAX_TITLE, length: [...title].length } };
    if (orgs.length > 1 && !org) found.org = { key: 'validation.required' };
    for (const [name, error] of Object.entries(checkFields(definition.fields, values))) found[`field:${name}`] = error;
    if (!file) found.file = { key: 'validation.file' };
    return found;  // in the order of the form, as the summary lists them
  }

  function idOf(key) {
    return key.startsWith('field:') ? fieldInputId('new', key.slice(6)) : `new-${key}`;
  }
  function labelOf(key) {
    if (key.startsWith('field:')) {
      const f = definition.fields.find((x) => x.name === key.slice(6));
      return localized(f?.label) || key.slice(6);
    }
    return t(`new.${key}`);
  }
  function show(found) {
    setErrors(found);
    setSummary(Object.entries(found).map(([key, e]) => ({ id: idOf(key), text: `${labelOf(key)}: ${t(e.key, e.params)}` })));
  }

  async function submit(event) {
    event.preventDefault();
    setProblem(null);
    const found = check();
    show(found);
    if (Object.keys(found).length) return;
    const form = new FormData();
    form.append('workflow', definition.id);
    form.append('title', title.trim());
    if (org) form.append('org', org);
    form.append('fields', JSON.stringify(filledFields(values)));
    form.append('file', file, file.name);
    setBusy(true);
    try {
      const doc = await postForm('/documents', form);
      flash(() => outcomeMessage('outcome.submitted', null, doc, definition));
      navigate(`/documents/${doc.id}`);
    } catch (e) {
      setBusy(false);
      const name = problemField(e);
      const key = name === 'title' ? 'title' : `field:${name}`;
      if (name && (name === 'title' || definition.fields.some((f) => f.name === name))) {
        // The server's words are English; the control gets them as its error, marked as such.
        setErrors({ [key]: { key: 'validation.server', params: { detail: e.detail } } });
        setSummary([{ id: idOf(key), text: `${labelOf(key)}: ${t('validation.server', { detail: e.detail })}` }]);
      }
      setProblem(e);
    }
  }

  const err = (key) => errors[key] && t(errors[key].key, errors[key].params);
  return (
    <form class="form" onSubmit={submit} noValidate>
      <ErrorSummary items={summary} />
      <ProblemMessage error={problem} />
      <Field id="new-title" label={t('new.title')} hint={t('new.titleHint')} error={err('title')}>
        {(aria) => <input id="new-title" value={title} maxLength={MAX_TITLE} onInput={(e) => setTitle(e.currentTarget.value)} {...aria} />}
      </Field>
      {orgs.length > 1 && (
        <Field id="new-org" label={t('new.org')} error={err('org')}>
          {(aria) => (
            <select id="new-org" value={org} onChange={(e) => setOrg(e.currentTarget.value)} {...aria}>
              <option value="">{t('form.choose')}</option>
              {orgs.map((code) => <option key={code} value={code}>{code}</option>)}
            </select>
          )}
        </Field>
      )}
      {orgs.length === 1 && <p class="hint">{t('new.forOrg')} <OrgName code={orgs[0]} /></p>}
      <WorkflowFields fields={definition.fields} values={values} onChange={setField} idPrefix="new"
        errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith('field:')).map(([k, v]) => [k.slice(6), v]))} />
      <Field id="new-file" label={t('new.file')} hint={t('new.fileHint')} error={err('file')}>
        {(aria) => <input id="new-file" type="file" onChange={(e) => setFile(e.currentTarget.files[0] || null)} {...aria} />}
      </Field>
      <BusyButton busy={busy} busyLabel={t('new.busy')}>{t('new.submit')}</BusyButton>
    </form>
  );
}

export function NewDocument({ where }) {
  const me = useSession();
  const { data, error, loading } = useLoad(() => allWorkflows().then((all) => all.filter((w) => canStart(w, me))), [me]);
  const chosenId = where.query.get('workflow') || (data?.length === 1 ? data[0].id : '');
  const chosen = data?.find((w) => w.id === chosenId);
  const choose = (id) => navigate(`/documents/new?workflow=${encodeURIComponent(id)}`, { replace: true });
  return (
    <>
      <PageHeading>{t('new.heading')}</PageHeading>
      <ProblemMessage error={error} />
      {loading && !data && <Loading />}
      {data && data.length === 0 && <p>{t('new.nothing')}</p>}
      {data && data.length > 0 && (
        <div class="card">
          <fieldset class="choices">
            <legend>{t('new.kind')}</legend>
            {data.map((w) => (
              <div class="choice" key={w.id}>
                <input type="radio" id={`wf-${w.id}`} name="workflow" value={w.id} checked={w.id === chosenId} onChange={() => choose(w.id)} />
                <label for={`wf-${w.id}`}>{localized(w.title) || w.id}</label>
              </div>
            ))}
          </fieldset>
          {chosen && (
            <details class="route-preview">
              <summary>{t('new.routePreview')}</summary>
              <RouteDiagram definition={chosen} />
            </details>
          )}
        </div>
      )}
      {chosen && (
        <section class="card" aria-labelledby="new-form-heading">
          <h2 id="new-form-heading">{localized(chosen.title)}</h2>
          <SubmitForm key={chosen.id} definition={chosen} me={me} />
        </section>
      )}
    </>
  );
}
