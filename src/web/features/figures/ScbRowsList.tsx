/**
 * The persons behind a count of the SCB half-year return (one block, one code or all), as
 * /figures/cases shows them with `scbBlock`: each row with its day and code, named only to those the
 * server lets see the person (the rest are neither listed nor counted).
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OutcomeCases } from '../../../core/report-schemas.js';
import { codeListsFor, halfOf, scbCode, type ScbBlock } from '../../../core/scb.js';
import type { OutcomeCasesQuery } from '../../api/figureEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ScrollableTable } from '../../components/ScrollableTable.js';
import { SCB_CODE_LABELS } from './scbLabels.js';

/** The list, for the query in the page's address. */
export function ScbRowsList({
  q,
  list,
}: {
  q: OutcomeCasesQuery & { scbBlock: string };
  list: UseQueryResult<OutcomeCases>;
}) {
  const { t } = useTranslation();
  const block = q.scbBlock as ScbBlock;
  const half = halfOf(q.from);
  const lists = codeListsFor(half);
  const codeLabel = (code: string | null) =>
    code === null || code === 'none' ? t('scbPage.noCode') : t(`${SCB_CODE_LABELS[block]}.${code}`, code);
  const title = t('outcomeCases.scbTitle', {
    block: t(`scbPage.blocks.${block}`, block),
    what: q.scbCode ? codeLabel(q.scbCode) : t('outcomeCases.allCodes'),
    from: q.from,
    to: q.to,
  });
  const rows = list.data?.scbRows ?? [];
  return (
    <>
      <PageHeading title={title} />
      <p className="lead">{t('outcomeCases.scbIntro')}</p>
      <p>
        <Link to={`/figures/scb?${new URLSearchParams({ half })}`}>{t('outcomeCases.scbBack')}</Link>
      </p>
      {list.error ? <ProblemAlert error={problemOf(list.error)} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        rows.length === 0 ? (
          <p>{t('outcomeCases.scbNone')}</p>
        ) : (
          <>
            {list.data.truncated ? (
              <Alert tone="info">{t('outcomeCases.scbTruncated', { count: rows.length })}</Alert>
            ) : null}
            <ScrollableTable label={title}>
              <table className="table">
                <caption>{t('outcomeCases.scbTable', { count: rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('outcomeCases.person')}</th>
                    <th scope="col">{t('outcomeCases.identityNumber')}</th>
                    <th scope="col">{t('outcomeCases.day')}</th>
                    <th scope="col">{t('outcomeCases.code')}</th>
                    <th scope="col">{t('scbPage.scbCode')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={`${r.person.id}-${r.on}-${i}`}>
                      <th scope="row">
                        <Link to={`/persons/${r.person.id}`}>{r.person.name}</Link>
                      </th>
                      <td>{r.person.personalIdentityNumber}</td>
                      <td>{r.on}</td>
                      <td>{codeLabel(r.code)}</td>
                      <td>{scbCode({ block, code: r.code }, lists) ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          </>
        )
      ) : null}
    </>
  );
}
