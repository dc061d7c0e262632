/** The role and unit selects shared by the create and edit forms for staff. */
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../core/roles.js';
import type { Unit } from '../../../core/schemas.js';
import { FormField } from '../../components/FormField.js';

type Props = {
  prefix: string;
  role: Role;
  unitId: string;
  units: Unit[];
  errors: Record<string, string>;
  onRole: (role: Role) => void;
  /** The role cannot be changed (an administrator's own account). */
  roleLocked?: boolean;
  onUnit: (unitId: string) => void;
};

/** Role and unit selects; ids are `${prefix}-role` and `${prefix}-unitId`. */
export function StaffRoleUnitFields({ prefix, role, unitId, units, errors, onRole, onUnit, roleLocked }: Props) {
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
    </div>
  );
}
