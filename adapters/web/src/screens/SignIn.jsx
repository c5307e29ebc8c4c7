// Sign-in: login and password; wrong ones and throttling are said plainly.
import { useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { BusyButton } from '../components/BusyButton.jsx';
import { Field } from '../components/Field.jsx';
import { PageHeading } from '../components/PageHeading.jsx';
import { ProblemMessage } from '../components/ProblemMessage.jsx';
import { t } from '../i18n/i18n.js';
import { signIn } from '../session.js';

export function SignIn({ expired, onSignedIn }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [missing, setMissing] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setError(null);
    setMissing(!login.trim() || !password);
    if (!login.trim() || !password) return;
    setBusy(true);
    try {
      await signIn(login.trim(), password);
      await onSignedIn();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const wrongPassword = error instanceof ApiError && error.status === 401;
  return (
    <div class="narrow">
      <PageHeading>{t('signIn.title')}</PageHeading>
      <p class="lead">{t('app.tagline')}</p>
      {expired && <p class="notice notice-info" role="status">{t('signIn.expired')}</p>}
      <form class="card form" onSubmit={submit} noValidate>
        {missing && <p class="problem" role="alert">{t('signIn.required')}</p>}
        {wrongPassword ? <p class="problem" role="alert">{t('signIn.wrong')}</p> : <ProblemMessage error={error} />}
        <Field id="login" label={t('signIn.login')}>
          {(aria) => <input id="login" name="username" autocomplete="username" autocapitalize="none" spellcheck={false}
            value={login} onInput={(e) => setLogin(e.currentTarget.value)} {...aria} />}
        </Field>
        <Field id="password" label={t('signIn.password')}>
          {(aria) => <input id="password" type="password" name="password" autocomplete="current-password"
            value={password} onInput={(e) => setPassword(e.currentTarget.value)} {...aria} />}
        </Field>
        <BusyButton busy={busy} busyLabel={t('signIn.busy')}>{t('signIn.submit')}</BusyButton>
      </form>
    </div>
  );
}
