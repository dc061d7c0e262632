/** A person's applications to a team, and the form to register one signed by the young person. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../core/consent-schemas.js';
import { applicationsApi } from '../../api/consentEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { applicationKeys, personKeys } from '../../api/queryKeys.js';
import { SelectField } from '../../components/SelectField.js';
import { useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { TeamSelect } from './TeamSelect.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { usePersonChanged } from '../persons/usePersonChanged.js';
import { REFERRER_LIST } from './lists.js';
import { PreparedApplications } from './PreparedForSigning.js';

/** The applications section; `managed` says whether the reader works on the person for the KAA. */
export function ApplicationsPanel({ personId, managed }: { personId: string; managed: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const personChanged = usePersonChanged();
  const applications = useQuery({
    queryKey: personKeys.applications(personId),
    queryFn: () => applicationsApi.ofPerson(personId),
  });
  // Which form is open: registering an application signed on paper, or preparing one for Mitt Lotsa.
  const [adding, setAdding] = useState<'record' | 'prepare' | null>(null);
  return (
    <section className="panel" aria-labelledby="applications-title">
      <h2 id="applications-title">{t('applications.title')}</h2>
      <ProblemAlert error={problemOf(applications.error)} />
      {applications.data?.length === 0 ? <p className="muted">{t('applications.none')}</p> : null}
      {applications.data?.length ? (
        <ul className="plain-list">
          {applications.data.map((a: Application) => (
            <li key={a.id}>
              <span className="badge badge--none">{t(`applications.status.${a.status}`)}</span> {a.team.name},{' '}
              {t(`applications.referrer.${a.referrer}`)}, {t('applications.signedOn')} {format.date(a.signedOn)}
              {a.decidedBy && a.decidedAt ? (
                <span className="block small muted">
                  {t('applications.decidedBy', { name: a.decidedBy, date: format.date(a.decidedAt) })}
                </span>
              ) : null}
              {a.decisionNote ? <span className="block small">{a.decisionNote}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <PreparedApplications personId={personId} manage={managed && can('applications.manage')} />
      {managed && can('applications.manage') ? (
        adding ? (
          <ApplicationForm
            personId={personId}
            prepare={adding === 'prepare'}
            onCancel={() => setAdding(null)}
            onSaved={async () => {
              setAdding(null);
              await Promise.all([
                queryClient.invalidateQueries({ queryKey: personKeys.applications(personId) }),
                queryClient.invalidateQueries({ queryKey: applicationKeys.all }),
                personChanged(personId),
              ]);
            }}
          />
        ) : (
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => setAdding('record')}>
              {t('applications.new')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAdding('prepare')}>
              {t('applications.prepare')}
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}

/** The form for a new application. */
function ApplicationForm({
  personId,
  onSaved,
  onCancel,
  prepare,
}: {
  personId: string;
  onSaved: () => Promise<void>;
  onCancel: () => void;
  /** For the young person to sign in Mitt Lotsa: no day or signature to give here. */
  prepare: boolean;
}) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const [teamId, setTeamId] = useState('');
  const [referrer, setReferrer] = useState<Application['referrer']>('school');
  const [signedOn, setSignedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [signed, setSigned] = useState(false);
  const [local, setLocal] = useState<FieldMessages>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checks: FieldMessages = {};
    if (!teamId) checks.teamId = { key: 'applications.pickTeam' };
    if (prepare) {
      setLocal(checks);
      action.setError(null);
      if (
        Object.keys(checks).length === 0 &&
        (await action.run(() => applicationsApi.prepare(personId, { teamId, referrer })))
      )
        await onSaved();
      return;
    }
    if (!signedOn) checks.signedOn = { key: 'applications.pickDate' };
    if (!signed) checks.signedByYoungPerson = { key: 'applications.signedRequired' };
    setLocal(checks);
    action.setError(null);
    if (Object.keys(checks).length) return;
    if (
      await action.run(() =>
        applicationsApi.create(personId, { teamId, referrer, signedOn, signedByYoungPerson: signed }),
      )
    )
      await onSaved();
  }

  const { error } = action;
  const fields = messages.fields(local, error);
  return (
    <form onSubmit={submit} className="application-form" noValidate aria-labelledby="application-form-title">
      <h3 id="application-form-title">{prepare ? t('applications.prepareTitle') : t('applications.new')}</h3>
      {prepare ? <p className="muted">{t('applications.prepareHint')}</p> : null}
      {error && Object.keys(fields).length === 0 ? <Alert tone="error">{messages.text(error)}</Alert> : null}
      <TeamSelect id="application-team" value={teamId} onChange={setTeamId} error={fields.teamId} required />
      <SelectField
        id="application-referrer"
        label={t('applications.referrer.label')}
        value={referrer}
        onChange={setReferrer}
        options={REFERRER_LIST.map((r) => ({ value: r, label: t(`applications.referrer.${r}`) }))}
        error={fields.referrer}
      />
      {prepare ? null : (
        <>
          <TextField
            id="application-signedOn"
            label={t('applications.signedOn')}
            type="date"
            value={signedOn}
            onChange={setSignedOn}
            error={fields.signedOn}
            required
          />
          <div className={fields.signedByYoungPerson ? 'field checkbox field--error' : 'field checkbox'}>
            <input
              id="application-signed"
              type="checkbox"
              checked={signed}
              onChange={(e) => setSigned(e.target.checked)}
              aria-invalid={fields.signedByYoungPerson ? true : undefined}
              aria-describedby={fields.signedByYoungPerson ? 'application-signed-error' : undefined}
            />
            <label htmlFor="application-signed">{t('applications.signed')}</label>
            {fields.signedByYoungPerson ? (
              <p id="application-signed-error" className="field__hint field__error" role="alert">
                {fields.signedByYoungPerson}
              </p>
            ) : null}
          </div>
        </>
      )}
      <FormActions
        submit={prepare ? t('applications.prepareSave') : t('applications.save')}
        busy={action.busy}
        onCancel={onCancel}
      />
    </form>
  );
}
