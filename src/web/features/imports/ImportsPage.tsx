/** /register/imports: upload population and enrolment lists, read how they should look, see recent imports. */
import { useTranslation } from 'react-i18next';
import { importsApi } from '../../api/registerEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { CsvLayoutHelp } from './CsvLayoutHelp.js';
import { ImportList } from './ImportList.js';
import { UploadForm } from './UploadForm.js';

/** The imports page. */
export function ImportsPage() {
  const { t } = useTranslation();
  const imports = useLoad(() => importsApi.list(), []);
  return (
    <>
      <PageHeading title={t('imports.title')} />
      <p className="lead">{t('imports.intro')}</p>
      <UploadForm />
      <section className="panel" aria-labelledby="recent-imports-title">
        <h2 id="recent-imports-title">{t('imports.list.title')}</h2>
        <ProblemAlert error={imports.error} />
        {imports.data ? <ImportList imports={imports.data} /> : imports.loading ? <Loading /> : null}
      </section>
      <CsvLayoutHelp />
    </>
  );
}
