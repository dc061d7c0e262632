/** The register extract (GDPR art. 15) for coordinators: PDF in Swedish or English, or JSON. */
import { useTranslation } from 'react-i18next';
import { consentsApi } from '../../api/consentEndpoints.js';

/** Links to the person's register extract. */
export function ExtractPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="extract-title">
      <h2 id="extract-title">{t('extract.title')}</h2>
      <p className="muted">{t('extract.intro')}</p>
      <ul className="link-list">
        <li>
          <a href={consentsApi.extractUrl(personId, 'pdf', 'sv')}>{t('extract.pdfSv')}</a>
        </li>
        <li>
          <a href={consentsApi.extractUrl(personId, 'pdf', 'en')}>{t('extract.pdfEn')}</a>
        </li>
        <li>
          <a href={consentsApi.extractUrl(personId, 'json', 'sv')}>{t('extract.json')}</a>
        </li>
      </ul>
    </section>
  );
}
