/**
 * /figures/cases: the cases behind a count of the outcome table (closed between two days, one outcome
 * or all, a gender, a diploma, documented problems, with the figures page's filters), or with `scbBlock`
 * the persons behind a count of the SCB return, for staff who may browse persons. The server lists only
 * the persons the reader may see and audits each; a manager, who sees counts only, never gets here.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { outcomeCasesApi, type OutcomeCasesQuery } from '../../api/figureEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ScrollableTable } from '../../components/ScrollableTable.js';
import { ScbRowsList } from './ScbRowsList.js';

const KEYS = [
  'outcome',
  'targetGroup',
  'contactPerson',
  'gender',
  'diploma',
  'documentedProblems',
  'scbBlock',
  'scbCode',
  'median',
  'onTime',
] as const;

/** The page. */
export function OutcomeCasesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q: OutcomeCasesQuery = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  for (const k of KEYS) q[k] = params.get(k) || undefined;
  const list = useQuery({ queryKey: ['figures', 'cases', q], queryFn: () => outcomeCasesApi.list(q) });
  if (q.scbBlock) return <ScbRowsList q={{ ...q, scbBlock: q.scbBlock }} list={list} />;
  const back = new URLSearchParams(
    Object.entries({ from: q.from, to: q.to, targetGroup: q.targetGroup, contactPerson: q.contactPerson }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  const diploma = { no: 'figuresPage.outcomes.withoutDiploma', unknown: 'figuresPage.outcomes.diplomaUnknown' };
  const what = [
    q.outcome ? t(`outcomes.codes.${q.outcome}`) : t('figuresPage.outcomes.allClosed'),
    ...(q.targetGroup ? [t(`outcomes.targetGroups.${q.targetGroup}`)] : []),
    ...(q.gender ? [t(`figuresPage.${q.gender}`)] : []),
    ...(q.diploma ? [t(diploma[q.diploma as keyof typeof diploma] ?? 'outcomeCases.diplomaYes')] : []),
    ...(q.documentedProblems
      ? [
          t(
            q.documentedProblems === 'true'
              ? 'figuresPage.outcomes.documentedProblems'
              : 'outcomeCases.withoutProblems',
          ),
        ]
      : []),
    ...(q.median ? [t('outcomeCases.median', { what: t(`figuresPage.medians.${q.median}`) })] : []),
    ...(q.onTime
      ? [
          t(q.onTime === 'true' ? 'outcomeCases.onTime' : 'outcomeCases.notOnTime', {
            months: list.data?.months ?? '…',
          }),
        ]
      : []),
  ].join(', ');
  const spans = !!(q.median || q.onTime);
  const title = t('outcomeCases.title', { what, from: q.from, to: q.to });
  return (
    <>
      <PageHeading title={title} />
      <p className="lead">{t('outcomeCases.intro')}</p>
      {q.documentedProblems ? <p>{t('outcomeCases.problemsNote')}</p> : null}
      {spans ? <p>{t('outcomeCases.spanNote')}</p> : null}
      <p>
        <Link to={`/figures?${back}`}>{t('outcomeCases.back')}</Link>
      </p>
      {list.error ? <ProblemAlert error={problemOf(list.error)} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        list.data.cases.length === 0 ? (
          <p>{t('outcomeCases.none')}</p>
        ) : (
          <>
            {list.data.truncated ? (
              <Alert tone="info">{t('outcomeCases.truncated', { count: list.data.cases.length })}</Alert>
            ) : null}
            <ScrollableTable label={title}>
              <table className="table">
                <caption>{t('outcomeCases.table', { count: list.data.cases.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('outcomeCases.person')}</th>
                    <th scope="col">{t('outcomeCases.identityNumber')}</th>
                    <th scope="col">{t('outcomeCases.closedOn')}</th>
                    <th scope="col">{t('outcomeCases.outcome')}</th>
                    <th scope="col">{t('outcomeCases.targetGroup')}</th>
                    {spans ? (
                      <>
                        <th scope="col">{t('outcomeCases.startedOn')}</th>
                        <th scope="col">{t('outcomeCases.endedOn')}</th>
                        <th scope="col">{t('outcomeCases.days')}</th>
                      </>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {list.data.cases.map((c) => (
                    <tr key={c.caseId}>
                      <th scope="row">
                        <Link to={`/persons/${c.person.id}`}>{c.person.name}</Link>
                      </th>
                      <td>{c.person.personalIdentityNumber}</td>
                      <td>{c.closedOn}</td>
                      <td>{t(`outcomes.codes.${c.outcome}`)}</td>
                      <td>{c.targetGroup ? t(`outcomes.targetGroups.${c.targetGroup}`) : '–'}</td>
                      {spans ? (
                        <>
                          <td>{c.span?.startedOn ?? '–'}</td>
                          <td>{c.span?.endedOn ?? '–'}</td>
                          <td>{c.span?.days ?? '–'}</td>
                        </>
                      ) : null}
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
