/**
 * The young persons' short evaluations on the figures page: per offer and per activity, without
 * names, how many answered, how much it helped and what could be better (from a few answers up).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvaluationSummary } from '../../../core/evaluation-schemas.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { FigureTable } from './FigureTable.js';

/** The section; loads its own summary. */
export function EvaluationsSection() {
  const { t, i18n } = useTranslation();
  const summary = useQuery({
    queryKey: ['evaluations', 'summary'],
    queryFn: () => request<EvaluationSummary>('/api/v1/evaluations/summary'),
  });
  const number = (n: number) => n.toLocaleString(i18n.language.startsWith('en') ? 'en-GB' : 'sv-SE');
  const k = (key: string) => t(`figuresPage.evaluations.${key}`);
  return (
    <section className="panel" aria-labelledby="fig-evaluations">
      <h2 id="fig-evaluations">{k('title')}</h2>
      {summary.error ? <Alert>{summary.error.message}</Alert> : null}
      {summary.data ? (
        <>
          <p>{t('figuresPage.evaluations.intro', { count: summary.data.textsFrom })}</p>
          {summary.data.rows.length === 0 ? (
            <p className="muted">{k('none')}</p>
          ) : (
            <FigureTable
              caption={k('table')}
              head={['name', 'kind', 'answers', 'average', 'counts', 'better'].map(k)}
              rows={summary.data.rows.map((r) => [
                r.name,
                k(r.subject),
                number(r.answers),
                number(r.average),
                r.counts.join(' / '),
                r.answers < summary.data.textsFrom ? (
                  <span className="muted">
                    {t('figuresPage.evaluations.tooFew', { count: summary.data.textsFrom })}
                  </span>
                ) : (
                  <ul className="plain-list">
                    {r.better.map((b, i) => (
                      <li key={i}>”{b}”</li>
                    ))}
                  </ul>
                ),
              ])}
            />
          )}
        </>
      ) : null}
    </section>
  );
}
