/**
 * /figures/scb: the half-year return to SCB. Choose a half-year, read the five blocks counted per
 * code, and every failed consistency check with the person and what to fix (named only to those the
 * server lets see the person; the rest are counted). A coordinator downloads the file as CSV or XLSX.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { codeListsFor, recentHalves, SCB_BLOCKS, scbCode, type ScbBlock } from '../../../core/scb.js';
import { todayInSweden } from '../../../core/dates.js';
import { scbApi, scbCasesPath, scbUrl } from '../../api/figureEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ScrollableTable } from '../../components/ScrollableTable.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { FigureTable } from './FigureTable.js';
import { SCB_CODE_LABELS as CODE_LABELS } from './scbLabels.js';

/** The page. */
export function ScbPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const halves = recentHalves(todayInSweden(), 10);
  // The last complete half-year is the one a municipality reports.
  const half = params.get('half') || halves[1]!;
  const [draft, setDraft] = useState(half);
  const scb = useQuery({ queryKey: ['figures', 'scb', half], queryFn: () => scbApi.get(half) });
  const lists = codeListsFor(half);
  const count = (v: number | string) => (typeof v === 'number' ? format.number(v) : v);
  /** A count that links to the persons behind it, for a reader who may browse persons; 0 as text. */
  const traced = (v: number | string, what: string, block: ScbBlock, code?: string) =>
    can('persons.browse') && v !== 0 && data ? (
      <Link to={scbCasesPath(data, block, code)} aria-label={t('scbPage.showRows', { count: count(v), what })}>
        {count(v)}
      </Link>
    ) : (
      count(v)
    );
  const halfLabel = (h: string) => t('scbPage.halfLabel', { year: h.slice(0, 4), half: h.slice(-1) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ half: draft });
  };
  const data = scb.data;
  return (
    <>
      <PageHeading title={t('scbPage.title')} />
      <p className="lead">{t('scbPage.intro')}</p>
      <p>
        <Link to="/figures">{t('scbPage.back')}</Link>
      </p>
      <form className="panel figure-filters" onSubmit={submit} aria-labelledby="scb-choose">
        <h2 id="scb-choose">{t('scbPage.choose')}</h2>
        <div className="form-row">
          <FormField id="scb-half" label={t('scbPage.half')}>
            {(control) => (
              <select {...control} value={draft} onChange={(e) => setDraft(e.target.value)}>
                {(halves.includes(half) ? halves : [half, ...halves]).map((h) => (
                  <option key={h} value={h}>
                    {halfLabel(h)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <button type="submit" className="button">
          {t('scbPage.show')}
        </button>
      </form>
      {scb.error ? <ProblemAlert error={problemOf(scb.error)} /> : null}
      {!data ? (
        scb.isPending ? (
          <Loading />
        ) : null
      ) : (
        <>
          <section className="panel" aria-labelledby="scb-checks">
            <h2 id="scb-checks">{t('scbPage.checks.title', { half: halfLabel(data.half) })}</h2>
            <p className="muted">
              {t('scbPage.period', { from: data.from, to: data.to, version: data.codeListVersion })}
            </p>
            {data.checks.passed ? (
              <Alert tone="success">{t('scbPage.checks.passed')}</Alert>
            ) : (
              <Alert tone="warning">{t('scbPage.checks.failed', { count: data.checks.failures })}</Alert>
            )}
            {data.checks.listed.length ? (
              <ScrollableTable label={t('scbPage.checks.table')}>
                <table className="table">
                  <caption>{t('scbPage.checks.table')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('scbPage.checks.person')}</th>
                      <th scope="col">{t('scbPage.checks.identityNumber')}</th>
                      <th scope="col">{t('scbPage.checks.block')}</th>
                      <th scope="col">{t('scbPage.checks.day')}</th>
                      <th scope="col">{t('scbPage.checks.fix')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.checks.listed.map((f, i) => (
                      <tr key={i}>
                        <th scope="row">
                          {can('persons.browse') ? (
                            <Link to={`/persons/${f.person.id}`}>{f.person.name}</Link>
                          ) : (
                            f.person.name
                          )}
                        </th>
                        <td>{f.person.personalIdentityNumber}</td>
                        <td>{t(`scbPage.blocks.${f.block}`)}</td>
                        <td>{f.on}</td>
                        <td>{t(`scbPage.fix.${f.check}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollableTable>
            ) : null}
            {data.checks.notShown > 0 ? <p>{t('scbPage.checks.notShown', { count: data.checks.notShown })}</p> : null}
          </section>
          <section className="panel" aria-labelledby="scb-file">
            <h2 id="scb-file">{t('scbPage.file.title')}</h2>
            {can('register.read') ? (
              <>
                {data.checks.passed ? null : <p>{t('scbPage.file.fixFirst')}</p>}
                <ul className="link-list">
                  <li>
                    <a href={scbUrl(data.half, 'csv')} download>
                      {t('scbPage.file.csv', { half: halfLabel(data.half) })}
                    </a>
                  </li>
                  <li>
                    <a href={scbUrl(data.half, 'xlsx')} download>
                      {t('scbPage.file.xlsx', { half: halfLabel(data.half) })}
                    </a>
                  </li>
                </ul>
              </>
            ) : (
              <p>{t('scbPage.file.coordinatorsOnly')}</p>
            )}
            {data.smallCellsSuppressed ? <p className="muted">{t('scbPage.suppressed')}</p> : null}
          </section>
          {SCB_BLOCKS.map((block, i) => {
            const b = data.blocks[block];
            if (!b) return null;
            return (
              <section key={block} className="panel" aria-labelledby={`scb-block-${block}`}>
                <h2 id={`scb-block-${block}`}>
                  {t('scbPage.blockHeading', { n: i + 1, name: t(`scbPage.blocks.${block}`) })}
                </h2>
                <FigureTable
                  caption={t('scbPage.blockTable', { name: t(`scbPage.blocks.${block}`) })}
                  head={[t('scbPage.code'), t('scbPage.scbCode'), t('scbPage.count')]}
                  rows={[
                    ...Object.entries(b.byCode).map(([code, n]) => {
                      const label = code === 'none' ? t('scbPage.noCode') : t(`${CODE_LABELS[block]}.${code}`, code);
                      return [
                        label,
                        (code === 'none' ? null : scbCode({ block, code }, lists)) ?? '–',
                        traced(n, `${t(`scbPage.blocks.${block}`)}, ${label}`, block, code),
                      ];
                    }),
                    [
                      t('figuresPage.total'),
                      '',
                      traced(b.total, `${t(`scbPage.blocks.${block}`)}, ${t('figuresPage.total')}`, block),
                    ],
                  ]}
                />
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
