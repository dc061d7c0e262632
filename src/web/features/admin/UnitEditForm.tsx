/** Rename a unit, change its kind or KAA mark, or deactivate it (administrators). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../core/schemas.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { unitKeys, unitsApi } from './units-api.js';
import { UnitFields, useUnitLabels, type UnitDraft } from './UnitFields.js';
import { FormActions } from '../../components/FormActions.js';

type Props = { unit: Unit; onClose: () => void; onSaved: (unit: Unit) => void };

/** The edit panel for one unit; it takes focus when it opens. */
export function UnitEditForm({ unit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const labels = useUnitLabels();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<UnitDraft>({ name: unit.name, kind: unit.kind, kaa: unit.kaa });
  const [active, setActive] = useState(unit.active);
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => heading.current?.focus(), []);
  const save = useMutation({
    mutationFn: () => unitsApi.update(unit.id, { name: draft.name.trim(), kind: draft.kind, kaa: draft.kaa, active }),
    onSuccess: async (saved) => {
      onSaved(saved);
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
    },
    onError: () => setAttempt((n) => n + 1),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldMessages = draft.name.trim() ? {} : { name: { key: 'fieldErrors.required' } };
    setLocal(missing);
    setAttempt((n) => n + 1);
    if (!Object.keys(missing).length) save.mutate();
  }

  const problem = save.error ? messageOf(save.error) : null;
  const errors = messages.fields(local, problem);
  return (
    <section className="panel panel--highlight" aria-labelledby="unit-edit-title">
      <h2 id="unit-edit-title" tabIndex={-1} ref={heading}>
        {t('units.editTitle', { name: unit.name })}
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary message={messages.text(problem)} focusKey={attempt} items={Object.entries(errors).map(([f, message]) => ({ fieldId: `unit-edit-${f}`, label: labels[f], message }))} />
        <UnitFields prefix="unit-edit" draft={draft} errors={errors} onChange={setDraft} />
        <div className="field checkbox">
          <input id="unit-edit-active" type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} aria-describedby="unit-edit-active-hint" />
          <label htmlFor="unit-edit-active">{labels.active}</label>
          <p id="unit-edit-active-hint" className="field__hint">
            {t('units.activeHint')}
          </p>
        </div>
        <FormActions submit={t('units.save')} busy={save.isPending} onCancel={onClose} cancelLabel={t('units.cancel')} />
      </form>
    </section>
  );
}
