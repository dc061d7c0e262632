/**
 * The person list's filters: contact person, case status, register, team, age and entry reason. Each
 * change applies at once.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CASE_STATUS_FILTERS, CONTACT_PERSON_FILTERS } from '../../../core/persons.js';
import { ENTRY_REASONS } from '../../../core/register.js';
import { teamsApi } from '../../api/consentEndpoints.js';
import { teamKeys } from '../../api/queryKeys.js';
import { SelectField } from '../../components/SelectField.js';
import { useSession } from '../auth/session.js';
import type { PersonListState } from './personListState.js';

type Filters = Pick<PersonListState, 'contactPerson' | 'status' | 'register' | 'teamId' | 'under18' | 'entryReason'>;
type Props = { value: Filters; onChange: (next: Partial<Filters>) => void; showContactPerson: boolean };

/** The filter fields, in a group named for screen readers. */
export function PersonFilters({ value, onChange, showContactPerson }: Props) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const teams = useQuery({ queryKey: teamKeys.all, queryFn: () => teamsApi.list(), enabled: can('teams.read') });
  // Only coordinators are told of cases whose contact person may not open them.
  const contactOptions = CONTACT_PERSON_FILTERS.filter(
    (f) => f !== 'any' && (f !== 'without_access' || me?.role === 'coordinator'),
  );
  return (
    <fieldset className="filter-bar">
      <legend>{t('personFilters.legend')}</legend>
      {showContactPerson ? (
        <SelectField
          id="filter-contact-person"
          label={t('personFilters.contactPerson')}
          value={value.contactPerson === 'any' ? '' : value.contactPerson}
          onChange={(v) => onChange({ contactPerson: v || 'any' })}
          empty={t('personFilters.anyone')}
          options={contactOptions.map((f) => ({ value: f, label: t(`personFilters.contactPersons.${f}`) }))}
        />
      ) : null}
      <SelectField
        id="filter-status"
        label={t('personFilters.status')}
        value={value.status ?? ''}
        onChange={(v) => onChange({ status: v || undefined })}
        empty={t('personFilters.all')}
        options={CASE_STATUS_FILTERS.map((s) => ({
          value: s,
          label: s === 'open' ? t('personFilters.open') : t(`status.${s}`),
        }))}
      />
      <SelectField
        id="filter-register"
        label={t('personFilters.register')}
        value={value.register ?? ''}
        onChange={(v) => onChange({ register: v || undefined })}
        empty={t('personFilters.all')}
        options={[
          { value: 'in', label: t('persons.inRegister') },
          { value: 'out', label: t('persons.notInRegister') },
        ]}
      />
      {teams.data && teams.data.length > 0 ? (
        <SelectField
          id="filter-team"
          label={t('personFilters.team')}
          value={value.teamId ?? ''}
          onChange={(v) => onChange({ teamId: v || undefined })}
          empty={t('personFilters.allTeams')}
          options={teams.data.map((team) => ({ value: team.id, label: team.name }))}
        />
      ) : null}
      <SelectField
        id="filter-age"
        label={t('personFilters.age')}
        value={value.under18 ?? ''}
        onChange={(v) => onChange({ under18: v || undefined })}
        empty={t('personFilters.allAges')}
        options={[
          { value: 'true', label: t('personFilters.under18') },
          { value: 'false', label: t('personFilters.adult') },
        ]}
      />
      <SelectField
        id="filter-entry-reason"
        label={t('personFilters.entryReason')}
        value={value.entryReason ?? ''}
        onChange={(v) => onChange({ entryReason: v || undefined })}
        empty={t('personFilters.all')}
        options={ENTRY_REASONS.map((r) => ({ value: r, label: t(`register.entry.${r}`) }))}
      />
    </fieldset>
  );
}
