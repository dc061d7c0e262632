/** Edit a staff account (name, role, unit, profession, active) and reset its password. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profession } from '../../../core/professions.js';
import type { Role } from '../../../core/roles.js';
import { staffUpdateBody, type Staff, type Unit } from '../../../core/schemas.js';
import { staffApi } from '../../api/endpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { useSchemaForm } from '../../hooks/useSchemaForm.js';
import { StaffRoleUnitFields } from './StaffFields.js';
import { FormActions } from '../../components/FormActions.js';

type Props = {
  staff: Staff;
  isSelf: boolean;
  units: Unit[];
  onClose: () => void;
  onSaved: () => Promise<void>;
  onPasswordReset: () => void;
};

/** The edit panel for one account; it takes focus when it opens. */
export function StaffEditForm({ staff, isSelf, units, onClose, onSaved, onPasswordReset }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState(staff.name);
  const [role, setRole] = useState<Role>(staff.role);
  const [unitId, setUnitId] = useState(staff.unit?.id ?? '');
  const [profession, setProfession] = useState<Profession | ''>(staff.profession ?? '');
  // A deactivated unit is not offered to others, but the account keeps it until someone changes it.
  const offered = staff.unit && !units.some((u) => u.id === staff.unit!.id) ? [...units, staff.unit] : units;
  const [active, setActive] = useState(staff.active);
  const [confirmReset, setConfirmReset] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  // Saving is checked with the core schema the server uses; resetting the password is a separate action.
  const form = useSchemaForm(staffUpdateBody, (body) => staffApi.update(staff.id, body), { onSuccess: onSaved });
  const reset = useAction();
  const busy = form.busy || reset.busy;

  function submit(event: FormEvent) {
    event.preventDefault();
    reset.setError(null);
    form.submit({
      name,
      role,
      unitId: unitId || null,
      profession: profession || null,
      active,
      version: staff.version,
    });
  }

  const errors = form.errors;
  const labels: Record<string, string> = {
    name: t('staff.fields.name'),
    role: t('staff.fields.role'),
    unitId: t('staff.fields.unit'),
    profession: t('staff.fields.profession'),
  };
  return (
    <section className="panel panel--highlight" aria-labelledby="staff-edit-title">
      <h2 id="staff-edit-title" tabIndex={-1} ref={heading}>
        {t('staff.editTitle', { name: staff.name })}
      </h2>
      <p className="muted">{staff.email}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          message={form.problem ?? messages.text(reset.error)}
          focusKey={form.attempt}
          items={Object.entries(errors).map(([f, message]) => ({
            fieldId: `staff-edit-${f}`,
            label: labels[f],
            message,
          }))}
        />
        <TextField
          id="staff-edit-name"
          label={labels.name!}
          value={name}
          onChange={setName}
          error={errors.name}
          required
          autoComplete="off"
        />
        <StaffRoleUnitFields
          prefix="staff-edit"
          role={role}
          unitId={unitId}
          units={offered}
          errors={errors}
          onRole={setRole}
          onUnit={setUnitId}
          profession={profession}
          onProfession={setProfession}
          roleLocked={isSelf}
        />
        {isSelf ? <p className="notice">{t('staff.selfNotice')}</p> : null}
        <div className="field checkbox">
          <input
            id="staff-edit-active"
            type="checkbox"
            checked={active}
            disabled={isSelf}
            onChange={(e) => setActive(e.target.checked)}
            aria-describedby="staff-edit-active-hint"
          />
          <label htmlFor="staff-edit-active">{t('staff.fields.active')}</label>
          <p id="staff-edit-active-hint" className="field__hint">
            {t('staff.activeHint')}
          </p>
        </div>
        <FormActions submit={t('staff.save')} busy={busy} onCancel={onClose} />
      </form>
      <h3>{t('staff.reset.title')}</h3>
      <p>{t('staff.reset.intro')}</p>
      {isSelf ? (
        <p className="muted">{t('staff.reset.self')}</p>
      ) : confirmReset ? (
        <div className="button-row" role="group" aria-label={t('staff.reset.confirmGroup')}>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() =>
              void reset.run(async () => {
                await staffApi.resetPassword(staff.id);
                setConfirmReset(false);
                onPasswordReset();
              })
            }
          >
            {t('staff.reset.confirm', { name: staff.name })}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirmReset(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirmReset(true)}>
          {t('staff.reset.start')}
        </button>
      )}
    </section>
  );
}
