/**
 * The meeting's decisions, and the lead's form to record one: about a young person on the agenda, of a
 * kind, with the application it answers or the new contact person where the kind needs one, and a text.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { decidesApplication, TEAM_DECISION_KINDS, type TeamDecisionKind } from '../../../core/team-meeting.js';
import type { TeamMeeting } from '../../../core/team-meeting-schemas.js';
import { useMessages } from '../../api/fieldErrors.js';
import { meetingKey, teamMeetingsApi } from '../../api/teamMeetingEndpoints.js';
import { Alert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { useAction } from '../../hooks/useAction.js';
import { useFormat } from '../../i18n/format.js';
import { visiblePersons } from './AgendaPanel.js';
import { DecisionFields, decisionExtraBody, newDecisionExtra, useCaseVersion } from './DecisionFields.js';

/** Where the decision form starts when the lead picks an agenda item. */
export type DecisionDraft = { personId: string; applicationId: string | null; kind: TeamDecisionKind };

/** The decisions panel. */
export function DecisionsPanel({ meeting, draft }: { meeting: TeamMeeting; draft: DecisionDraft | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('teamMeetings.decisionsTitle')}</h2>
      {meeting.decisions.length === 0 ? <p className="muted">{t('teamMeetings.noDecisions')}</p> : null}
      <ol>
        {meeting.decisions.map((d) => (
          <li key={d.id}>
            {d.person ? (
              <Link to={`/persons/${d.person.id}`}>{d.person.name}</Link>
            ) : (
              <span className="muted">{t('teamMeetings.noAccess')}</span>
            )}
            {': '}
            <strong>{t(`teamMeetings.decisionKinds.${d.kind}`)}</strong>
            {d.text ? `. ${d.text}` : ''}
            <span className="muted">
              {' '}
              ({t('teamMeetings.decidedBy', { name: d.decidedBy ?? '', at: format.dateTime(d.decidedAt) })})
            </span>
          </li>
        ))}
      </ol>
      {meeting.mayDecide ? (
        <DecisionForm
          key={draft ? `${draft.personId}-${draft.applicationId}` : 'new'}
          meeting={meeting}
          draft={draft}
        />
      ) : null}
    </section>
  );
}

function DecisionForm({ meeting, draft }: { meeting: TeamMeeting; draft: DecisionDraft | null }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState(draft?.personId ?? '');
  const [kind, setKind] = useState<TeamDecisionKind | ''>(draft?.kind ?? '');
  const [applicationId, setApplicationId] = useState(draft?.applicationId ?? '');
  const [contactPersonId, setContactPersonId] = useState('');
  const [text, setText] = useState('');
  const [extra, setExtra] = useState(newDecisionExtra);
  const caseVersion = useCaseVersion(personId, kind === 'closing');
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (draft) heading.current?.focus();
  }, [draft]);
  const applications = meeting.agenda.filter((a) => a.kind === 'application' && a.person?.id === personId && a.id);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!kind) return;
    const body = {
      personId,
      kind,
      applicationId: decidesApplication(kind) && applicationId ? applicationId : undefined,
      contactPersonId: kind === 'contact_person_change' && contactPersonId ? contactPersonId : undefined,
      ...decisionExtraBody(kind, extra, caseVersion),
      text: text || null,
    };
    if (await action.run(() => teamMeetingsApi.decide(meeting.id, body))) {
      setSaved(true);
      setText('');
      setKind('');
      setApplicationId('');
      setExtra(newDecisionExtra());
      await queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });
    }
  }
  const fields = messages.fields({}, action.error);
  const persons = visiblePersons(meeting).map((p) => ({ value: p.id, label: p.name }));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="decide-title">
      <h3 id="decide-title" ref={heading} tabIndex={-1}>
        {t('teamMeetings.recordDecision')}
      </h3>
      {saved ? <Alert tone="success">{t('teamMeetings.decisionSaved')}</Alert> : null}
      {action.error && !Object.keys(fields).length ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
      <SelectField
        id="decision-person"
        label={t('teamMeetings.person')}
        value={personId}
        onChange={setPersonId}
        empty={t('teamMeetings.pick')}
        options={persons}
        error={fields.personId}
        required
      />
      <SelectField
        id="decision-kind"
        label={t('teamMeetings.decisionKind')}
        value={kind}
        onChange={setKind}
        empty={t('teamMeetings.pick')}
        options={TEAM_DECISION_KINDS.map((k) => ({ value: k, label: t(`teamMeetings.decisionKinds.${k}`) }))}
        error={fields.kind}
        required
      />
      {kind && decidesApplication(kind) ? (
        <SelectField
          id="decision-application"
          label={t('teamMeetings.application')}
          value={applicationId}
          onChange={setApplicationId}
          empty={t('teamMeetings.pick')}
          options={applications.map((a) => ({
            value: a.id!,
            label: t('teamMeetings.applicationOption', { date: a.date ?? '' }),
          }))}
          error={fields.applicationId}
          required
        />
      ) : null}
      {kind === 'contact_person_change' ? (
        <SelectField
          id="decision-contact"
          label={t('teamMeetings.newContactPerson')}
          value={contactPersonId}
          onChange={setContactPersonId}
          empty={t('teamMeetings.pick')}
          options={meeting.members.map((m) => ({ value: m.id, label: m.name }))}
          error={fields.contactPersonId}
          required
        />
      ) : null}
      <DecisionFields kind={kind} value={extra} onChange={setExtra} fields={fields} />
      <FormField
        id="decision-text"
        label={t('teamMeetings.decisionText')}
        hint={t('teamMeetings.decisionTextHint')}
        error={fields.text}
      >
        {(control) => (
          <textarea {...control} rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </FormField>
      <FormActions submit={t('teamMeetings.saveDecision')} busy={action.busy} />
    </form>
  );
}
