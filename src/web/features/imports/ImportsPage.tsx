/** /register/imports: upload population and enrolment lists, read how they should look, see recent imports. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { freshOnOpen, problemOf } from '../../api/query-client.js';
import { importKeys } from '../../api/queryKeys.js';
import { importsApi } from '../../api/registerEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { CsvLayoutHelp } from './CsvLayoutHelp.js';
import { ImportList } from './ImportList.js';
import { UploadForm } from './UploadForm.js';

/** The imports page. */
export function ImportsPage() {
  const { t } = useTranslation();
  const imports = useQuery({ queryKey: importKeys.all, queryFn: () => importsApi.list(), ...freshOnOpen });
  return (
    <>
      <PageHeading title={t('imports.title')} />
      <p className="lead">{t('imports.intro')}</p>
      <UploadForm />
      <section className="panel" aria-labelledby="recent-imports-title">
        <h2 id="recent-imports-title">{t('imports.list.title')}</h2>
        <ProblemAlert error={problemOf(imports.error)} />
        {imports.data ? <ImportList imports={imports.data} /> : imports.isFetching ? <Loading /> : null}
      </section>
      <CsvLayoutHelp />
    </>
  );
}
