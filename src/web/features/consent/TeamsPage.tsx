/** /teams: the teams, the agency that runs each and its members from several agencies; coordinators and administrators change them. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../core/consent-schemas.js';
import { teamsApi } from '../../api/consentEndpoints.js';
import { staffApi } from '../../api/endpoints.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { CONTACT_PERSON_ROLES } from '../../components/constants.js';
import { FormField, TextField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useSession } from '../auth/session.js';

/** The teams page. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('teams.manage');
  const teams = useLoad(() => teamsApi.list(), []);
  const staff = useLoad(async () => (manage ? (await staffApi.list({ active: 'true' })).filter((s) => (CONTACT_PERSON_ROLES as readonly string[]).includes(s.role)) : []), [manage]);
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
          <h3>{t('teams.members')}</h3>
          {team.members.length === 0 ? <p className="muted">{t('teams.noMembers')}</p> : null}
          <ul className="plain-list">
            {team.members.map((m) => (
              <li key={m.id}>
                {t('teams.memberLine', { name: m.name, role: t(`roles.${m.role}`) })} ({m.unit ?? t('teams.noUnit')})
                {manage ? <RemoveMember team={team} member={m} onRemoved={() => changed('teams.changed')} /> : null}
              </li>
            ))}
          </ul>
          {manage ? <AddMember team={team} staff={(staff.data ?? []).filter((s) => !team.members.some((m) => m.id === s.id))} onAdded={() => changed('teams.changed')} /> : null}
        </section>
      ))}
      {manage ? <NewTeam onCreated={() => changed('teams.created')} /> : null}
    </>
  );
}

function RemoveMember({ team, member, onRemoved }: { team: Team; member: Team['members'][number]; onRemoved: () => Promise<void> }) {
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

function AddMember({ team, staff, onAdded }: { team: Team; staff: { id: string; name: string; role: string; unit: { name: string } | null }[]; onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [staffId, setStaffId] = useState('');
  const [error, setError] = useState<Message | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!staffId) return;
    setError(null);
    try {
      await teamsApi.addMember(team.id, staffId);
      setStaffId('');
      await onAdded();
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <form onSubmit={submit} className="inline-form" noValidate aria-label={`${t('teams.addMember')}: ${team.name}`}>
      <FormField id={`add-member-${team.id}`} label={t('teams.addMember')} error={messages.text(error)} announce>
        {(control) => (
          <select {...control} value={staffId} onChange={(e) => setStaffId(e.target.value)}>
            <option value="">{t('teams.pickStaff')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {t('teams.memberLine', { name: s.name, role: t(`roles.${s.role}`) })} ({s.unit?.name ?? t('teams.noUnit')})
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button type="submit" className="button button--secondary button--small" disabled={!staffId}>
        {t('teams.add')}
      </button>
    </form>
  );
}

function NewTeam({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const units = useLoad(() => staffApi.units(), []);
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState('');
  const [error, setError] = useState<Message | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await teamsApi.create(name.trim(), unitId);
      setName('');
      await onCreated();
    } catch (err) {
      setError(messageOf(err));
    }
  }
  const fields = messages.fields({}, error);
  return (
    <section className="panel" aria-labelledby="new-team-title">
      <h2 id="new-team-title">{t('teams.new')}</h2>
      <form onSubmit={submit} noValidate>
        {error && !fields.name && !fields.unitId ? <Alert tone="error">{messages.text(error)}</Alert> : null}
        <TextField id="team-name" label={t('teams.name')} value={name} onChange={setName} error={fields.name} required />
        <FormField id="team-unit" label={t('teams.unit')} error={fields.unitId} required>
          {(control) => (
            <select {...control} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">{t('teams.unit')}</option>
              {(units.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" className="button">
          {t('teams.create')}
        </button>
      </form>
    </section>
  );
}
