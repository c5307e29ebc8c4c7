// A failure in the reader's language, with the technical (English) detail underneath.
import { t } from '../i18n/i18n.js';
import { describeProblem } from '../problems.js';

export function ProblemMessage({ error, children }) {
  if (!error) return null;
  const { key, params, detail, local } = describeProblem(error);
  return (
    <div class="problem" role="alert">
      <p class="problem-message">{t(key, params)}</p>
      {detail && <p class="problem-detail"><span>{t(local ? 'problem.details' : 'problem.serverSaid')} </span><span lang="en">{detail}</span></p>}
      {children}
    </div>
  );
}
