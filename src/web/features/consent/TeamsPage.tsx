/**
 * /teams: the teams, the agency that runs each and its members from several agencies; coordinators and administrators
 * change them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Team } from '../../../core/consent-schemas.js';
import { teamsApi } from '../../api/consentEndpoints.js';
import { staffApi } from '../../api/endpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { CONTACT_PERSON_ROLES } from '../../../core/roles.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { useAction } from '../../hooks/useAction.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useSession } from '../auth/session.js';

/** The teams page. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { can, me } = useSession();
  // The meetings are read by coordinators and the team's members (anyone else is answered 404).
  const readsMeetings = (team: Team) =>
    can('persons.browse') && (me?.role === 'coordinator' || team.members.some((m) => m.id === me?.id));
  const manage = can('teams.manage');
  const teams = useLoad(() => teamsApi.list(), []);
  const staff = useLoad(
    async () =>
      manage
        ? (await staffApi.list({ active: 'true' })).filter((s) =>
            (CONTACT_PERSON_ROLES as readonly string[]).includes(s.role),
          )
        : [],
    [manage],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const changed = async (key: string) => {
    setNotice(key);
    await teams.reload();
  };
  return (
    <>
      <PageHeading title={t('teams.title')} />
      <p className="lead">{t('teams.intro')}</p>
      {notice ? <Alert tone="success">{t(notice)}</Alert> : null}
      <ProblemAlert error={teams.error} />
      {!teams.data ? <Loading /> : teams.data.length === 0 ? <p className="muted">{t('teams.none')}</p> : null}
      {teams.data?.map((team) => (
        <section key={team.id} className="panel" aria-labelledby={`team-${team.id}`}>
          <h2 id={`team-${team.id}`}>{team.name}</h2>
          <p>
            {t('teams.host')}: {team.unit?.name ?? t('common.missing')}
          </p>
          {readsMeetings(team) ? (
            <p>
              <Link to={`/teams/${team.id}/meetings`}>{t('teamMeetings.openFromTeam', { team: team.name })}</Link>
            </p>
          ) : null}
          <h3>{t('teams.members')}</h3>
          {team.members.length === 0 ? <p className="muted">{t('teams.noMembers')}</p> : null}
          <ul className="plain-list">
            {team.members.map((m) => (
              <li key={m.id}>
                {t('teams.memberLine', { name: m.name, role: t(`roles.${m.role}`) })}
                {m.profession ? `, ${t(`professions.${m.profession}`)}` : ''} ({m.unit ?? t('teams.noUnit')})
                {manage ? <RemoveMember team={team} member={m} onRemoved={() => changed('teams.changed')} /> : null}
              </li>
            ))}
          </ul>
          {manage ? (
            <AddMember
              team={team}
              staff={(staff.data ?? []).filter((s) => !team.members.some((m) => m.id === s.id))}
              onAdded={() => changed('teams.changed')}
            />
          ) : null}
        </section>
      ))}
      {manage ? <NewTeam onCreated={() => changed('teams.created')} /> : null}
    </>
  );
}

function RemoveMember({
  team,
  member,
  onRemoved,
}: {
  team: Team;
  member: Team['members'][number];
  onRemoved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button--secondary button--small inline-button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await teamsApi.removeMember(team.id, member.id);
          await onRemoved();
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('teams.remove', { name: member.name })}
    </button>
  );
}

function AddMember({
  team,
  staff,
  onAdded,
}: {
  team: Team;
  staff: { id: string; name: string; role: string; unit: { name: string } | null }[];
  onAdded: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const [staffId, setStaffId] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!staffId) return;
    if (await action.run(() => teamsApi.addMember(team.id, staffId))) {
      setStaffId('');
      await onAdded();
    }
  }
  const options = staff.map((s) => ({
    value: s.id,
    label:
      t('teams.memberLine', { name: s.name, role: t(`roles.${s.role}`) }) + ` (${s.unit?.name ?? t('teams.noUnit')})`,
  }));
  return (
    <form onSubmit={submit} className="inline-form" noValidate aria-label={`${t('teams.addMember')}: ${team.name}`}>
      <SelectField
        id={`add-member-${team.id}`}
        label={t('teams.addMember')}
        value={staffId}
        onChange={setStaffId}
        empty={t('teams.pickStaff')}
        options={options}
        error={messages.text(action.error)}
        announce
      />
      <button type="submit" className="button button--secondary button--small" disabled={!staffId || action.busy}>
        {t('teams.add')}
      </button>
    </form>
  );
}

function NewTeam({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const units = useLoad(() => staffApi.units(), []);
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => teamsApi.create(name.trim(), unitId))) {
      setName('');
      await onCreated();
    }
  }
  const fields = messages.fields({}, action.error);
  return (
    <section className="panel" aria-labelledby="new-team-title">
      <h2 id="new-team-title">{t('teams.new')}</h2>
      <form onSubmit={submit} noValidate>
        {action.error && !fields.name && !fields.unitId ? (
          <Alert tone="error">{messages.text(action.error)}</Alert>
        ) : null}
        <TextField
          id="team-name"
          label={t('teams.name')}
          value={name}
          onChange={setName}
          error={fields.name}
          required
        />
        <SelectField
          id="team-unit"
          label={t('teams.unit')}
          value={unitId}
          onChange={setUnitId}
          empty={t('teams.unit')}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          error={fields.unitId}
          required
        />
        <FormActions submit={t('teams.create')} busy={action.busy} />
      </form>
    </section>
  );
}
