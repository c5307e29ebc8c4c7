import { PageHeading } from '../components/PageHeading.jsx';
import { t } from '../i18n/i18n.js';
import { href } from '../router.js';

export function NotFound() {
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p><a href={href('/inbox')}>{t('notFound.back')}</a></p>
    </>
  );
}
