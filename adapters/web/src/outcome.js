// What happened to a document after an action, in a sentence: "Signed. The document moved to
// step «Registration»." Built from the document before and after.
import { stepTitle } from './data/workflows.js';
import { t } from './i18n/i18n.js';

export function outcomeMessage(actionKey, before, after, definition) {
  let where;
  if (after.state === 'completed') {
    where = after.registrationNumber ? t('outcome.registered', { number: after.registrationNumber }) : t('outcome.completed');
  } else if (after.state === 'returned') {
    where = t('outcome.returned');
  } else if (!before || after.step !== before.step || after.version !== before.version) {
    where = t('outcome.movedTo', { step: stepTitle(definition, after.step) });
  } else {
    where = t('outcome.waitingOthers', { step: stepTitle(definition, after.step) });
  }
  return `${t(actionKey)} ${where}`;
}
