/** A coordinator sets the open cases one contact person can hold; empty returns to the municipality's setting. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { capacityApi } from '../../api/figureEndpoints.js';

/** The field and its save button, for one contact person's row of the caseload table. */
export function CapacityForm({ staff, capacity }: { staff: { id: string; name: string }; capacity: number | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(capacity === null ? '' : String(capacity));
  const save = useMutation({
    mutationFn: () => capacityApi.set(staff.id, value.trim() === '' ? null : Number(value)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['figures', 'status'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const id = `capacity-${staff.id}`;
  return (
    <form className="capacity-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('figuresPage.status.capacityFor', { name: staff.name })}
      </label>
      <input
        id={id}
        type="number"
        min={0}
        max={1000}
        inputMode="numeric"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {t('figuresPage.status.saveCapacity', { name: staff.name })}
      </button>
      {save.isError ? <span role="alert">{t('figuresPage.status.capacityFailed')}</span> : null}
    </form>
  );
}
