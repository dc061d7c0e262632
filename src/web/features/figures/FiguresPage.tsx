/**
 * The figures page (issue 15): for a period, a target group and a contact person, the outcome table
 * and the charts, outreach per channel, measures per offer and status on a day; every table exports
 * to CSV and XLSX, and the steering group's report opens as a PDF in Swedish or English. Counts only.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { figuresApi, reportUrl, type FigureFilter } from '../../api/figureEndpoints.js';
import { Alert, Loading } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { todayInSweden } from '../../../core/dates.js';
import { useSession } from '../auth/session.js';
import { AttendanceFiguresSection } from '../activities/AttendanceFiguresSection.js';
import { EvaluationsSection } from './EvaluationsSection.js';
import { MeasuresSection, OutcomeSection, OutreachSection, StatusSection } from './FigureSections.js';

/** The filter an address asks for, with defaults: this year up to today, status today. */
export function figureFilterFrom(params: URLSearchParams, today: string): FigureFilter {
  return {
    from: params.get('from') || `${today.slice(0, 4)}-01-01`,
    to: params.get('to') || today,
    on: params.get('on') || today,
    targetGroup: params.get('targetGroup') ?? '',
    contactPerson: params.get('contactPerson') ?? '',
  };
}

/** The page. */
export function FiguresPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  // Swedish time, as the server counts days: a browser elsewhere would cut off today's closings.
  const filter = figureFilterFrom(params, todayInSweden());
  const [draft, setDraft] = useState(filter);
  const outcomes = useQuery({ queryKey: ['figures', 'outcomes', filter], queryFn: () => figuresApi.outcomes(filter) });
  const outreach = useQuery({ queryKey: ['figures', 'outreach', filter], queryFn: () => figuresApi.outreach(filter) });
  const measures = useQuery({ queryKey: ['figures', 'measures', filter], queryFn: () => figuresApi.measures(filter) });
  const status = useQuery({ queryKey: ['figures', 'status', filter], queryFn: () => figuresApi.status(filter) });
  const contactPersons = (status.data?.caseload ?? []).flatMap((r) => (r.contactPerson ? [r.contactPerson] : []));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.entries(draft).filter(([, v]) => v !== ''));
  };
  const set = (key: keyof FigureFilter) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });
  const error = [outcomes, outreach, measures, status].find((q) => q.error)?.error;
  return (
    <>
      <PageHeading title={t('figuresPage.title')} />
      <form className="panel figure-filters" onSubmit={submit} aria-labelledby="fig-filters">
        <h2 id="fig-filters">{t('figuresPage.filters.title')}</h2>
        <div className="form-row">
          <FormField id="fig-from" label={t('figuresPage.filters.from')}>
            {(control) => <input {...control} type="date" value={draft.from} onChange={set('from')} />}
          </FormField>
          <FormField id="fig-to" label={t('figuresPage.filters.to')}>
            {(control) => <input {...control} type="date" value={draft.to} onChange={set('to')} />}
          </FormField>
          <FormField id="fig-on" label={t('figuresPage.filters.on')}>
            {(control) => <input {...control} type="date" value={draft.on} onChange={set('on')} />}
          </FormField>
          <FormField id="fig-target-group" label={t('figuresPage.filters.targetGroup')}>
            {(control) => (
              <select {...control} value={draft.targetGroup} onChange={set('targetGroup')}>
                <option value="">{t('figuresPage.filters.all')}</option>
                {['kaa', 'young_adult', 'other'].map((g) => (
                  <option key={g} value={g}>
                    {t(`outcomes.targetGroups.${g}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="fig-contact-person" label={t('figuresPage.filters.contactPerson')}>
            {(control) => (
              <select {...control} value={draft.contactPerson} onChange={set('contactPerson')}>
                <option value="">{t('figuresPage.filters.all')}</option>
                {contactPersons.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <button type="submit" className="button">
          {t('figuresPage.filters.show')}
        </button>
      </form>
      <section className="panel" aria-labelledby="fig-steering">
        <h2 id="fig-steering">{t('figuresPage.steering.title')}</h2>
        <ul className="link-list">
          <li>
            <a href={reportUrl('outcomes', filter, 'pdf', 'sv')} download>
              {t('figuresPage.steering.sv')}
            </a>
          </li>
          <li>
            <a href={reportUrl('outcomes', filter, 'pdf', 'en')} download>
              {t('figuresPage.steering.en')}
            </a>
          </li>
        </ul>
      </section>
      <nav className="panel" aria-labelledby="fig-more">
        <h2 id="fig-more">{t('figuresPage.more.title')}</h2>
        <ul className="link-list">
          <li>
            <Link to="/figures/scb">{t('figuresPage.more.scb')}</Link>
          </li>
          {can('outreach.configure') ? (
            <li>
              <Link to="/settings/figures">{t('figuresPage.more.settings')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {error ? <Alert>{error.message || t('figuresPage.failed')}</Alert> : null}
      {outcomes.data ? (
        <OutcomeSection report={outcomes.data} filter={filter} traceable={can('persons.browse')} />
      ) : outcomes.isPending ? (
        <Loading />
      ) : null}
      {outreach.data ? <OutreachSection figures={outreach.data} filter={filter} /> : null}
      {measures.data ? <MeasuresSection figures={measures.data} filter={filter} /> : null}
      {status.data ? (
        <StatusSection figures={status.data} filter={filter} editCapacity={can('outreach.configure')} />
      ) : null}
      <AttendanceFiguresSection from={filter.from} to={filter.to} />
      <EvaluationsSection />
    </>
  );
}
