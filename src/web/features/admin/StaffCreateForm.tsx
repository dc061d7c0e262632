/** Create a staff account; the new account's one-time password is handed to the parent to show once. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profession } from '../../../core/professions.js';
import type { Role } from '../../../core/roles.js';
import { staffCreateBody, type Staff, type Unit } from '../../../core/schemas.js';
import { staffApi } from '../../api/endpoints.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { useSchemaForm } from '../../hooks/useSchemaForm.js';
import { StaffRoleUnitFields } from './StaffFields.js';

type Props = { units: Unit[]; onCreated: (created: Staff & { codeRequestId: string }) => Promise<void> };

/** The create-account form, checked with the core schema the server checks it with. */
export function StaffCreateForm({ units, onCreated }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('youth_coach');
  const [unitId, setUnitId] = useState('');
  const [profession, setProfession] = useState<Profession | ''>('');
  const form = useSchemaForm(staffCreateBody, (body) => staffApi.create(body), {
    onSuccess: async (created) => {
      setName('');
      setEmail('');
      setProfession('');
      await onCreated(created);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ name, email, role, unitId: unitId || null, profession: profession || null });
  }

  const errors = form.errors;
  const labels: Record<string, string> = {
    name: t('staff.fields.name'),
    email: t('staff.fields.email'),
    role: t('staff.fields.role'),
    unitId: t('staff.fields.unit'),
    profession: t('staff.fields.profession'),
  };
  return (
    <section className="panel" aria-labelledby="staff-create-title">
      <h2 id="staff-create-title">{t('staff.create.title')}</h2>
      <p>{t('staff.create.intro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          message={form.problem}
          focusKey={form.attempt}
          items={Object.entries(errors).map(([f, message]) => ({
            fieldId: `staff-new-${f}`,
            label: labels[f],
            message,
          }))}
        />
        <div className="field-row">
          <TextField
            id="staff-new-name"
            label={labels.name!}
            value={name}
            onChange={setName}
            error={errors.name}
            required
            autoComplete="off"
          />
          <TextField
            id="staff-new-email"
            label={labels.email!}
            type="email"
            value={email}
            onChange={setEmail}
            error={errors.email}
            required
            autoComplete="off"
          />
        </div>
        <StaffRoleUnitFields
          prefix="staff-new"
          role={role}
          unitId={unitId}
          units={units}
          errors={errors}
          onRole={setRole}
          onUnit={setUnitId}
          profession={profession}
          onProfession={setProfession}
        />
        <FormActions submit={t('staff.create.submit')} busy={form.busy} />
      </form>
    </section>
  );
}
