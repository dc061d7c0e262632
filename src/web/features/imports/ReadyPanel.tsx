/** A finished import: what was read, what was skipped, and the way on to reconciliation. */
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../core/register-schemas.js';
import { problemOf } from '../../api/query-client.js';
import { importKeys } from '../../api/queryKeys.js';
import { importsApi } from '../../api/registerEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';
import { ImportErrorTable } from './ImportErrorTable.js';

/** The summary of a ready import, with the skipped rows listed. */
export function ReadyPanel({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const skipped = summary.errorCount + summary.otherMunicipalityRows > 0;
  const errors = useQuery({
    queryKey: importKeys.errors(summary.id),
    queryFn: () => importsApi.allErrors(summary.id),
    enabled: skipped,
  });
  const rows: { key: string; value: number }[] = [
    { key: 'rowsTotal', value: summary.rowsTotal },
    { key: 'rowsValid', value: summary.rowsValid },
    { key: 'skippedInvalid', value: summary.errorCount },
    { key: 'otherMunicipality', value: summary.otherMunicipalityRows },
  ];
  return (
    <section className="panel" aria-labelledby="ready-title">
      <h2 id="ready-title">{t('imports.ready.title')}</h2>
      <Alert tone="success">
        <p>{t('imports.ready.text')}</p>
      </Alert>
      <dl className="details">
        {rows.map((row) => (
          <Fragment key={row.key}>
            <dt>{t(`imports.ready.${row.key}`)}</dt>
            <dd>{format.number(row.value)}</dd>
          </Fragment>
        ))}
      </dl>
      <ProblemAlert error={problemOf(errors.error)} />
      {errors.data?.length ? (
        <ImportErrorTable
          id="import-skipped"
          caption={t('imports.ready.skippedCaption')}
          errors={errors.data}
          pagingLabel={t('imports.ready.skippedPaging')}
        />
      ) : null}
      <p>
        <Link to="/register/reconcile" className="button">
          {t('imports.ready.reconcile')}
        </Link>
      </p>
    </section>
  );
}
