/** Rename a unit, change its kind or KAA mark, or deactivate it (administrators). */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../core/schemas.js';
import { unitUpdateBody } from '../../../core/unit-schemas.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { unitKeys, unitsApi } from './units-api.js';
import { UnitFields, useUnitLabels, type UnitDraft } from './UnitFields.js';
import { FormActions } from '../../components/FormActions.js';
import { useSchemaForm } from '../../hooks/useSchemaForm.js';

type Props = { unit: Unit; onClose: () => void; onSaved: (unit: Unit) => void };

/** The edit panel for one unit; it takes focus when it opens. */
export function UnitEditForm({ unit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<UnitDraft>({ name: unit.name, kind: unit.kind, kaa: unit.kaa });
  const [active, setActive] = useState(unit.active);
  useEffect(() => heading.current?.focus(), []);
  const form = useSchemaForm(unitUpdateBody, (body) => unitsApi.update(unit.id, body), {
    onSuccess: async (saved) => {
      onSaved(saved);
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ ...draft, active });
  }

  return (
    <section className="panel panel--highlight" aria-labelledby="unit-edit-title">
      <h2 id="unit-edit-title" tabIndex={-1} ref={heading}>
        {t('units.editTitle', { name: unit.name })}
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          message={form.problem}
          focusKey={form.attempt}
          items={Object.entries(form.errors).map(([f, message]) => ({
            fieldId: `unit-edit-${f}`,
            label: labels[f],
            message,
          }))}
        />
        <UnitFields prefix="unit-edit" draft={draft} errors={form.errors} onChange={setDraft} />
        <div className="field checkbox">
          <input
            id="unit-edit-active"
            type="checkbox"
            checked={active}
            onChange={(e) => setActive(e.target.checked)}
            aria-describedby="unit-edit-active-hint"
          />
          <label htmlFor="unit-edit-active">{labels.active}</label>
          <p id="unit-edit-active-hint" className="field__hint">
            {t('units.activeHint')}
          </p>
        </div>
        <FormActions submit={t('units.save')} busy={form.busy} onCancel={onClose} cancelLabel={t('units.cancel')} />
      </form>
    </section>
  );
}
