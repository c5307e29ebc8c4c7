// One labelled form control with its hint and its error. `children` gets the ids the control
// must carry: <Field id="title" label="…">{(aria) => <input id="title" {...aria} />}</Field>.
import { t } from '../i18n/i18n.js';

export function Field({ id, label, hint, error, optional, children }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> ({t('form.optional')})</span>}
      </label>
      {hint && <p class="hint" id={hintId}>{hint}</p>}
      {error && <p class="field-error" id={errorId}>{error}</p>}
      {children({ 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : undefined })}
    </div>
  );
}
