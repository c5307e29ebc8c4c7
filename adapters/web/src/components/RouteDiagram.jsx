// The route as the server draws it (SVG, current step highlighted, in the reader's language),
// with a text alternative listing the steps.
import { apiUrl, query } from '../api.js';
import { locale, localized, t } from '../i18n/i18n.js';

export function RouteDiagram({ definition, current }) {
  const steps = definition.stepDetails.filter((s) => s.kind !== 'branch').map((s) => localized(s.title) || s.id);
  const currentTitle = current && localized(definition.stepDetails.find((s) => s.id === current)?.title);
  const src = apiUrl(`/workflows/${encodeURIComponent(definition.id)}/diagram${query({ version: definition.version, current, lang: locale() })}`);
  const alt = currentTitle ? t('route.altCurrent', { steps: steps.join(' → '), current: currentTitle }) : t('route.alt', { steps: steps.join(' → ') });
  return (
    <div class="diagram">
      <img src={src} alt={alt} />
    </div>
  );
}
