/**
 * /persons/:id: one young person, the coach's hub: the next step, "Registrera kontakt" and the
 * attempts (for the KAA's own staff), details, register periods, case and journal. A person the
 * user may not see answers 404, shown as "not found or no access".
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { personsApi } from '../../api/endpoints.js';
import { problemOf } from '../../api/query-client.js';
import { personKeys } from '../../api/queryKeys.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSession } from '../auth/session.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { AccessPanel } from '../consent/AccessPanel.js';
import { AssessmentsPanel } from '../assessments/AssessmentsPanel.js';
import { ApplicationsPanel } from '../consent/ApplicationsPanel.js';
import { ConsentsPanel } from '../consent/ConsentsPanel.js';
import { ExtractPanel } from '../consent/ExtractPanel.js';
import { PersonOutreach } from '../contact/PersonOutreach.js';
import { MeasuresPanel } from '../measures/MeasuresPanel.js';
import { PlanPanel } from '../plans/PlanPanel.js';
import { CasePanel } from './CasePanel.js';
import { CaseOutcomePanel } from '../outcomes/CaseOutcomePanel.js';
import { Journal } from './Journal.js';
import { PersonDetails } from './PersonDetails.js';
import { RegisterPeriods } from './RegisterPeriods.js';
import { ScheduleSection } from '../schedule/ScheduleSection.js';
import { EnrolPanel } from '../activities/EnrolPanel.js';
import { AttendancePanel } from '../activities/AttendancePanel.js';
import { usePersonChanged } from './usePersonChanged.js';

/** The person page. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const flash = location.state as { created?: boolean; saved?: boolean } | null;
  const person = useQuery({ queryKey: personKeys.detail(id), queryFn: () => personsApi.get(id) });
  const personChanged = usePersonChanged();
  const error = problemOf(person.error);

  if (error?.status === 404) return <NotFoundPage />;
  if (error) return <ProblemAlert error={error} />;
  if (!person.data) return <Loading />;
  const p = person.data;
  const name = t('persons.fullName', { given: p.givenName, family: p.familyName });
  const seesContact = p.access.categories.includes('contact_occupation');
  const reloadAll = () => personChanged(p.id);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/persons">{t('persons.page.back')}</Link>
      </p>
      <PageHeading title={name}>
        {can('persons.edit') && p.access.managed ? (
          <Link to={`/persons/${p.id}/edit`} className="button button--secondary">
            {t('persons.page.edit')}
          </Link>
        ) : null}
      </PageHeading>
      {flash?.created ? <Alert tone="success">{t('persons.page.created')}</Alert> : null}
      {flash?.saved ? <Alert tone="success">{t('persons.page.saved')}</Alert> : null}
      <AccessPanel person={p} />
      <div className="columns">
        <div className="columns__main">
          {can('outreach.work') && p.access.managed ? <PersonOutreach personId={p.id} /> : null}
          {seesContact ? <PersonDetails person={p} /> : null}
          {seesContact ? <RegisterPeriods periods={p.registerPeriods} /> : null}
          {p.access.managed || p.access.categories.includes('assessment_plan') ? <ConsentsPanel person={p} /> : null}
          {p.access.categories.some((c) => c === 'assessment_plan' || c === 'health_social') ? (
            <MeasuresPanel personId={p.id} managed={p.access.managed} categories={p.access.categories} />
          ) : null}
          {seesContact ? <CaseOutcomePanel person={p} /> : null}
          {seesContact || p.access.categories.includes('assessment_plan') ? <ScheduleSection personId={p.id} /> : null}
          {seesContact ? <AttendancePanel personId={p.id} onChanged={reloadAll} /> : null}
          {can('activities.manage') && p.access.managed ? <EnrolPanel personId={p.id} onEnrolled={reloadAll} /> : null}
        </div>
        <div className="columns__side">
          {seesContact ? <CasePanel person={p} /> : null}
          <AssessmentsPanel person={p} />
          <PlanPanel person={p} />
          {p.access.categories.includes('assessment_plan') ? (
            <ApplicationsPanel personId={p.id} managed={p.access.managed} />
          ) : null}
          {can('extract.produce') ? <ExtractPanel personId={p.id} /> : null}
        </div>
      </div>
      <Journal personId={p.id} categories={p.access.categories} />
    </>
  );
}
