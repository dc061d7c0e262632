/** The filter form of the audit log: person id, staff member, from and to dates. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../core/schemas.js';
import { FormField, TextField } from '../../components/FormField.js';

/** The filters as strings; empty means "any". */
export type AuditFilterValues = { personId: string; actorId: string; from: string; to: string };

type Props = { initial: AuditFilterValues; staff: Staff[]; errors: Record<string, string>; onApply: (values: AuditFilterValues) => void };

/** The filter form; applying it updates the URL, which reloads the log. */
export function AuditFilters({ initial, staff, errors, onApply }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = (key: keyof AuditFilterValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ personId: values.personId.trim(), actorId: values.actorId, from: values.from, to: values.to });
  }

  function clear() {
    const empty = { personId: '', actorId: '', from: '', to: '' };
    setValues(empty);
    onApply(empty);
  }

  return (
    <form onSubmit={submit} className="panel filters" aria-labelledby="audit-filters-title" noValidate>
      <h2 id="audit-filters-title">{t('audit.filters')}</h2>
      <div className="field-row field-row--four">
        <TextField id="audit-personId" label={t('audit.personId')} hint={t('audit.personIdHint')} value={values.personId} onChange={set('personId')} error={errors.personId} autoComplete="off" />
        <FormField id="audit-actorId" label={t('audit.actor')} error={errors.actorId}>
          {(control) => (
            <select {...control} value={values.actorId} onChange={(e) => set('actorId')(e.target.value)}>
              <option value="">{t('audit.anyActor')}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TextField id="audit-from" label={t('audit.from')} type="date" value={values.from} onChange={set('from')} error={errors.from} />
        <TextField id="audit-to" label={t('audit.to')} type="date" value={values.to} onChange={set('to')} error={errors.to} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('audit.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={clear}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
