// Қазақша / Русский / English: each name in its own language, so anyone can find theirs.
import { LOCALES, locale, setLocale, t } from '../i18n/i18n.js';

export function LanguageSwitcher() {
  const chosen = locale();
  return (
    <div class="languages" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((l) => (
        <button type="button" key={l.code} lang={l.code} class="language" aria-pressed={l.code === chosen ? 'true' : 'false'}
          onClick={() => setLocale(l.code)}>
          {l.name}
        </button>
      ))}
    </div>
  );
}
