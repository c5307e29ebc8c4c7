// A document's state as a word with a colour (the word alone carries the meaning).
import { t } from '../i18n/i18n.js';

export function StateBadge({ state }) {
  return <span class={`badge badge-${state}`}>{t(`state.${state}`)}</span>;
}
