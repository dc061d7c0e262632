/** A select of the municipality's teams, with "no team" first. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { teamsApi } from '../../api/consentEndpoints.js';
import { teamKeys } from '../../api/queryKeys.js';
import { SelectField } from '../../components/SelectField.js';

type Props = {
  id: string;
  value: string;
  onChange: (teamId: string) => void;
  label?: string;
  error?: string;
  required?: boolean;
};

/** The team select field. */
export function TeamSelect({ id, value, onChange, label, error, required }: Props) {
  const { t } = useTranslation();
  const teams = useQuery({ queryKey: teamKeys.all, queryFn: () => teamsApi.list() });
  return (
    <SelectField
      id={id}
      label={label ?? t('teams.caseTeam')}
      value={value}
      onChange={onChange}
      empty={t('teams.noTeamOption')}
      options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
      error={error}
      required={required}
      announce
    />
  );
}
