// Signing in the browser: the person's PKCS#12 file and its password stay on this machine;
// the page fetches the version's bytes, makes a detached CAdES signature (sign/cades.js) and
// sends only the signature. Or a .p7s made in another program is sent as it is.
import { useState } from 'preact/hooks';
import { getBytes, postBytes, query } from '../../api.js';
import { BusyButton } from '../../components/BusyButton.jsx';
import { contentPath } from '../../components/ContentPreview.jsx';
import { Field } from '../../components/Field.jsx';
import { ProblemMessage } from '../../components/ProblemMessage.jsx';
import { t } from '../../i18n/i18n.js';
import { useAction } from '../../useAction.js';

function sendSignature(doc, task, der, comment) {
  return postBytes(`/documents/${doc.id}/approval${query({ task: task.id, comment: comment.trim() })}`, der, 'application/pkcs7-signature');
}

function WithKeyFile({ doc, task, onDone }) {
  const [keyFile, setKeyFile] = useState(null);
  const [password, setPassword] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState({});
  const action = useAction();

  async function sign(event) {
    event.preventDefault();
    const found = { file: !keyFile, password: !password };
    setMissing(found);
    if (found.file || found.password) return;
    const after = await action.run(async () => {
      // PKI.js is most of the bundle's weight and only signers need it: loaded on first use.
      const [{ signWithPkcs12 }, pkcs12, content] = await Promise.all([
        import('../../sign/cades.js'), keyFile.arrayBuffer(), getBytes(contentPath(doc.id, doc.version)),
      ]);
      const der = await signWithPkcs12({ pkcs12, password, content });
      return sendSignature(doc, task, der, comment);
    });
    if (after) {
      setPassword('');
      onDone(after, 'outcome.signed');
    }
  }

  return (
    <form class="form" onSubmit={sign} noValidate>
      <p class="hint">{t('sign.keyStaysHere')}</p>
      <ProblemMessage error={action.error} />
      <Field id="sign-p12" label={t('sign.keyFile')} hint={t('sign.keyFileHint')} error={missing.file && t('validation.file')}>
        {(aria) => <input id="sign-p12" type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setKeyFile(e.currentTarget.files[0] || null)} {...aria} />}
      </Field>
      <Field id="sign-password" label={t('sign.password')} error={missing.password && t('validation.required')}>
        {(aria) => <input id="sign-password" type="password" autocomplete="off" value={password} onInput={(e) => setPassword(e.currentTarget.value)} {...aria} />}
      </Field>
      <Field id="sign-comment" label={t('action.comment')} optional>
        {(aria) => <textarea id="sign-comment" rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} {...aria} />}
      </Field>
      <BusyButton busy={action.busy} busyLabel={t('sign.busy')}>{t('sign.submit')}</BusyButton>
    </form>
  );
}

function WithSignatureFile({ doc, task, onDone }) {
  const [file, setFile] = useState(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useAction();

  async function send(event) {
    event.preventDefault();
    setMissing(!file);
    if (!file) return;
    const after = await action.run(async () => sendSignature(doc, task, await file.arrayBuffer(), comment));
    if (after) onDone(after, 'outcome.signed');
  }

  return (
    <form class="form" onSubmit={send} noValidate>
      <ProblemMessage error={action.error} />
      <Field id="sign-p7s" label={t('sign.p7sFile')} hint={t('sign.p7sHint')} error={missing && t('validation.file')}>
        {(aria) => <input id="sign-p7s" type="file" accept=".p7s,.p7m,.sig,application/pkcs7-signature" onChange={(e) => setFile(e.currentTarget.files[0] || null)} {...aria} />}
      </Field>
      <Field id="p7s-comment" label={t('action.comment')} optional>
        {(aria) => <textarea id="p7s-comment" rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} {...aria} />}
      </Field>
      <BusyButton busy={action.busy} busyLabel={t('sign.sending')}>{t('sign.sendP7s')}</BusyButton>
    </form>
  );
}

export function SignPanel({ doc, task, onDone }) {
  const [way, setWay] = useState('key');
  return (
    <div class="sign-panel">
      <fieldset class="choices">
        <legend>{t('sign.how')}</legend>
        <div class="choice">
          <input type="radio" id="sign-way-key" name="sign-way" checked={way === 'key'} onChange={() => setWay('key')} />
          <label for="sign-way-key">{t('sign.wayKey')}</label>
        </div>
        <div class="choice">
          <input type="radio" id="sign-way-p7s" name="sign-way" checked={way === 'p7s'} onChange={() => setWay('p7s')} />
          <label for="sign-way-p7s">{t('sign.wayP7s')}</label>
        </div>
      </fieldset>
      {way === 'key' ? <WithKeyFile doc={doc} task={task} onDone={onDone} /> : <WithSignatureFile doc={doc} task={task} onDone={onDone} />}
    </div>
  );
}
