/** Add a unit or agency to the municipality (administrators). */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../core/schemas.js';
import { unitCreateBody } from '../../../core/unit-schemas.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { useSchemaForm } from '../../hooks/useSchemaForm.js';
import { unitKeys, unitsApi } from './units-api.js';
import { UnitFields, useUnitLabels, type UnitDraft } from './UnitFields.js';

const EMPTY: UnitDraft = { name: '', kind: 'municipal', kaa: false };

/** The add form; `onAdded` is told of the new unit. */
export function UnitCreateForm({ onAdded }: { onAdded: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<UnitDraft>(EMPTY);
  const form = useSchemaForm(unitCreateBody, unitsApi.add, {
    onSuccess: async (unit) => {
      setDraft(EMPTY);
      onAdded(unit);
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit(draft);
  }

  return (
    <section className="panel" aria-labelledby="unit-create-title">
      <h2 id="unit-create-title">{t('units.create.title')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          message={form.problem}
          focusKey={form.attempt}
          items={Object.entries(form.errors).map(([f, message]) => ({
            fieldId: `unit-new-${f}`,
            label: labels[f],
            message,
          }))}
        />
        <UnitFields prefix="unit-new" draft={draft} errors={form.errors} onChange={setDraft} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('units.create.submit')}
        </button>
      </form>
    </section>
  );
}
