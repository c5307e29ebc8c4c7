import { t } from '../i18n/i18n.js';

export function Loading() {
  return <p class="loading" role="status">{t('common.loading')}</p>;
}
