/** The page for an address that does not exist or that the user may not see (the two look the same). */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.js';

/** "Not found or no access", with a way back to the start page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="page-title">
      <PageHeading title={t('notFound.title')} />
      <p>{t('errors.not_found')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
