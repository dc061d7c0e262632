/** Create a staff account; the new account's one-time password is handed to the parent to show once. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profession } from '../../../core/professions.js';
import type { Role } from '../../../core/roles.js';
import type { Staff, Unit } from '../../../core/schemas.js';
import { staffApi } from '../../api/endpoints.js';
import { messageOf, useMessages, type FieldMessages, type Message } from '../../api/fieldErrors.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/FormField.js';
import { StaffRoleUnitFields } from './StaffFields.js';

type Props = { units: Unit[]; onCreated: (created: Staff & { codeRequestId: string }) => Promise<void> };

/** The create-account form. */
export function StaffCreateForm({ units, onCreated }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('youth_coach');
  const [unitId, setUnitId] = useState('');
  const [profession, setProfession] = useState<Profession | ''>('');
  const [local, setLocal] = useState<FieldMessages>({});
  const [problem, setProblem] = useState<Message | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldMessages = {};
    if (!name.trim()) missing.name = { key: 'fieldErrors.required' };
    if (!email.trim()) missing.email = { key: 'fieldErrors.required' };
    setLocal(missing);
    setProblem(null);
    setAttempt((n) => n + 1);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const created = await staffApi.create({
        name: name.trim(),
        email: email.trim(),
        role,
        unitId: unitId || null,
        profession: profession || null,
      });
      setName('');
      setEmail('');
      setProfession('');
      await onCreated(created);
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const errors = messages.fields(local, problem);
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
          message={messages.text(problem)}
          focusKey={attempt}
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
        <button type="submit" className="button" disabled={busy}>
          {t('staff.create.submit')}
        </button>
      </form>
    </section>
  );
}
