/** The role, unit and profession selects shared by the create and edit forms for staff. */
import { useTranslation } from 'react-i18next';
import { PROFESSIONS, type Profession } from '../../../core/professions.js';
import { ROLES, type Role } from '../../../core/roles.js';
import { FormField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';

type Props = {
  prefix: string;
  role: Role;
  unitId: string;
  /** The units to offer (the active ones, plus a deactivated unit the account already has). */
  units: { id: string; name: string }[];
  errors: Record<string, string>;
  onRole: (role: Role) => void;
  /** The role cannot be changed (an administrator's own account). */
  roleLocked?: boolean;
  onUnit: (unitId: string) => void;
  profession: Profession | '';
  onProfession: (profession: Profession | '') => void;
};

/** Role, unit and profession selects; ids are `${prefix}-role`, `${prefix}-unitId` and `${prefix}-profession`. */
export function StaffRoleUnitFields({
  prefix,
  role,
  unitId,
  units,
  errors,
  onRole,
  onUnit,
  roleLocked,
  profession,
  onProfession,
}: Props) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      <FormField id={`${prefix}-role`} label={t('staff.fields.role')} error={errors.role} required>
        {(control) => (
          <select {...control} value={role} disabled={roleLocked} onChange={(e) => onRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${prefix}-unitId`} label={t('staff.fields.unit')} error={errors.unitId}>
        {(control) => (
          <select {...control} value={unitId} onChange={(e) => onUnit(e.target.value)}>
            <option value="">{t('staff.noUnit')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <SelectField
        id={`${prefix}-profession`}
        label={t('staff.fields.profession')}
        value={profession}
        onChange={onProfession}
        error={errors.profession}
        empty={t('staff.noProfession')}
        options={PROFESSIONS.map((p) => ({ value: p, label: t(`professions.${p}`) }))}
      />
    </div>
  );
}
