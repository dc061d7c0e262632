/**
 * The filter form of the audit log: person (identity number or name), staff member, kind, event, dates, and the log's
 * own reads.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../../core/audit-vocabulary.js';
import type { Staff } from '../../../core/schemas.js';
import { TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { FormActions } from '../../components/FormActions.js';

/** The filters as strings; empty means "any". `personId` comes only from links to one person's trail. */
export type AuditFilterValues = {
  person: string;
  personId: string;
  actorId: string;
  entity: string;
  action: string;
  from: string;
  to: string;
  ownReads: string;
};

/** Every filter empty. */
export const NO_AUDIT_FILTERS: AuditFilterValues = {
  person: '',
  personId: '',
  actorId: '',
  entity: '',
  action: '',
  from: '',
  to: '',
  ownReads: '',
};

type Props = {
  initial: AuditFilterValues;
  staff: Staff[];
  errors: Record<string, string>;
  onApply: (values: AuditFilterValues) => void;
};

/** The filter form; applying it updates the URL, which reloads the log. */
export function AuditFilters({ initial, staff, errors, onApply }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = (key: keyof AuditFilterValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const byLabel = (prefix: string, words: readonly string[]) =>
    words.map((w) => ({ value: w, label: t(`${prefix}.${w}`) })).sort((a, b) => a.label.localeCompare(b.label, 'sv'));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...values, person: values.person.trim() });
  }

  function clear() {
    setValues(NO_AUDIT_FILTERS);
    onApply(NO_AUDIT_FILTERS);
  }

  return (
    <form onSubmit={submit} className="panel filters" aria-labelledby="audit-filters-title" noValidate>
      <h2 id="audit-filters-title">{t('audit.filters')}</h2>
      <div className="field-row field-row--four">
        <TextField
          id="audit-person"
          label={t('audit.person')}
          hint={t('audit.personHint')}
          value={values.person}
          onChange={set('person')}
          error={errors.person}
          autoComplete="off"
        />
        <SelectField
          id="audit-actorId"
          label={t('audit.actor')}
          empty={t('audit.anyActor')}
          value={values.actorId}
          onChange={set('actorId')}
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
          error={errors.actorId}
        />
        <SelectField
          id="audit-entity"
          label={t('audit.entity')}
          empty={t('audit.anyEntity')}
          value={values.entity}
          onChange={set('entity')}
          options={byLabel('audit.entities', AUDIT_ENTITIES)}
          error={errors.entity}
        />
        <SelectField
          id="audit-action"
          label={t('audit.action')}
          empty={t('audit.anyAction')}
          value={values.action}
          onChange={set('action')}
          options={byLabel('audit.actions', AUDIT_ACTIONS)}
          error={errors.action}
        />
        <TextField
          id="audit-from"
          label={t('audit.from')}
          type="date"
          value={values.from}
          onChange={set('from')}
          error={errors.from}
        />
        <TextField
          id="audit-to"
          label={t('audit.to')}
          type="date"
          value={values.to}
          onChange={set('to')}
          error={errors.to}
        />
      </div>
      <div className="field checkbox">
        <input
          id="audit-ownReads"
          type="checkbox"
          checked={values.ownReads === 'true'}
          onChange={(e) => set('ownReads')(e.target.checked ? 'true' : '')}
        />
        <label htmlFor="audit-ownReads">{t('audit.ownReads')}</label>
      </div>
      <FormActions submit={t('audit.apply')} onCancel={clear} cancelLabel={t('audit.clear')} />
    </form>
  );
}
