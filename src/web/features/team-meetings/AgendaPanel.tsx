/**
 * The agenda Lotsa builds, by kind of item; an item about a young person the reader may not see says
 * so and nothing more. The lead picks an item to decide on; every member may add an item.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AGENDA_ITEM_KINDS, MEMBER_ITEM_KINDS, type MemberItemKind } from '../../../core/team-meeting.js';
import type { AgendaItem, TeamMeeting } from '../../../core/team-meeting-schemas.js';
import { useMessages } from '../../api/fieldErrors.js';
import { meetingKey, teamMeetingsApi } from '../../api/teamMeetingEndpoints.js';
import { Alert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { useAction } from '../../hooks/useAction.js';
import { useFormat } from '../../i18n/format.js';
import type { DecisionDraft } from './DecisionsPanel.js';

/** The young people the reader may see on the meeting's agenda, once each, by name. */
export function visiblePersons(meeting: TeamMeeting): { id: string; name: string }[] {
  const byId = new Map(meeting.agenda.flatMap((a) => (a.person ? [[a.person.id, a.person] as const] : [])));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The agenda panel. */
export function AgendaPanel({
  meeting,
  onDecide,
}: {
  meeting: TeamMeeting;
  onDecide?: (draft: DecisionDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('teamMeetings.agendaTitle')}</h2>
      {AGENDA_ITEM_KINDS.map((kind) => {
        const items = meeting.agenda.filter((a) => a.kind === kind);
        return (
          <section key={kind} aria-labelledby={`agenda-${kind}`}>
            <h3 id={`agenda-${kind}`}>{t(`teamMeetings.kinds.${kind}`)}</h3>
            {items.length === 0 ? (
              <p className="muted">{t('teamMeetings.noItems')}</p>
            ) : (
              <ul className="plain-list agenda-list">
                {items.map((item, i) => (
                  <AgendaLine key={item.id ?? `hidden-${kind}-${i}`} item={item} onDecide={onDecide} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <AddItem meeting={meeting} />
    </section>
  );
}

function AgendaLine({ item, onDecide }: { item: AgendaItem; onDecide?: (draft: DecisionDraft) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (item.hidden) return <li className="muted">{t('teamMeetings.noAccess')}</li>;
  const details = [
    item.date ? t(`teamMeetings.dateOf.${item.kind}`, { date: format.date(item.date) }) : null,
    item.text,
    item.addedBy ? t('teamMeetings.addedBy', { name: item.addedBy }) : null,
  ].filter(Boolean);
  const person = item.person;
  return (
    <li>
      {person ? <Link to={`/persons/${person.id}`}>{person.name}</Link> : null}
      {details.length ? (
        <span>
          {person ? ': ' : ''}
          {details.join(' · ')}
        </span>
      ) : null}
      {onDecide && person ? (
        <>
          {' '}
          <button
            type="button"
            className="button button--secondary button--small inline-button"
            onClick={() =>
              onDecide({
                personId: person.id,
                applicationId: item.kind === 'application' ? item.id : null,
                kind: item.kind === 'application' ? 'accepted' : item.kind === 'closing_proposed' ? 'closing' : 'other',
              })
            }
          >
            {t('teamMeetings.decideOn', { name: person.name })}
          </button>
        </>
      ) : null}
    </li>
  );
}

function AddItem({ meeting }: { meeting: TeamMeeting }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<MemberItemKind>('other');
  const [personId, setPersonId] = useState('');
  const [text, setText] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => teamMeetingsApi.addItem(meeting.id, { kind, personId: personId || null, text }))) {
      setText('');
      setPersonId('');
      await queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });
    }
  }
  const fields = messages.fields({}, action.error);
  const persons = visiblePersons(meeting).map((p) => ({ value: p.id, label: p.name }));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-item-title">
      <h3 id="add-item-title">{t('teamMeetings.addItem')}</h3>
      {action.error && !fields.text && !fields.personId ? (
        <Alert tone="error">{messages.text(action.error)}</Alert>
      ) : null}
      <SelectField
        id="item-kind"
        label={t('teamMeetings.itemKind')}
        value={kind}
        onChange={setKind}
        options={MEMBER_ITEM_KINDS.map((k) => ({ value: k, label: t(`teamMeetings.kinds.${k}`) }))}
      />
      <SelectField
        id="item-person"
        label={t('teamMeetings.person')}
        hint={t('teamMeetings.itemPersonHint')}
        value={personId}
        onChange={setPersonId}
        empty={t('teamMeetings.noPerson')}
        options={persons}
        error={fields.personId}
      />
      <FormField id="item-text" label={t('teamMeetings.itemText')} error={fields.text} required>
        {(control) => (
          <textarea {...control} rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </FormField>
      <FormActions submit={t('teamMeetings.addItemSubmit')} busy={action.busy} />
    </form>
  );
}
