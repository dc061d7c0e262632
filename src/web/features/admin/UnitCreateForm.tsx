/** Add a unit or agency to the municipality (administrators). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../core/schemas.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { unitKeys, unitsApi } from './units-api.js';
import { UnitFields, useUnitLabels, type UnitDraft } from './UnitFields.js';

const EMPTY: UnitDraft = { name: '', kind: 'municipal', kaa: false };

/** The add form; `onAdded` is told of the new unit. */
export function UnitCreateForm({ onAdded }: { onAdded: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const labels = useUnitLabels();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<UnitDraft>(EMPTY);
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempt, setAttempt] = useState(0);
  const add = useMutation({
    mutationFn: unitsApi.add,
    onSuccess: async (unit) => {
      setDraft(EMPTY);
      onAdded(unit);
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
    },
    onError: () => setAttempt((n) => n + 1),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldMessages = draft.name.trim() ? {} : { name: { key: 'fieldErrors.required' } };
    setLocal(missing);
    setAttempt((n) => n + 1);
    if (Object.keys(missing).length) return;
    add.mutate({ name: draft.name.trim(), kind: draft.kind, kaa: draft.kaa });
  }

  const problem = add.error ? messageOf(add.error) : null;
  const errors = messages.fields(local, problem);
  return (
    <section className="panel" aria-labelledby="unit-create-title">
      <h2 id="unit-create-title">{t('units.create.title')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary message={messages.text(problem)} focusKey={attempt} items={Object.entries(errors).map(([f, message]) => ({ fieldId: `unit-new-${f}`, label: labels[f], message }))} />
        <UnitFields prefix="unit-new" draft={draft} errors={errors} onChange={setDraft} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('units.create.submit')}
        </button>
      </form>
    </section>
  );
}
