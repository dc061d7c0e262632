/**
 * A list of dated entries (a measure's follow-ups, a placement's visits): a day and a note each, added and removed in
 * place.
 */
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';

/** One entry as the form holds it. */
export type DatedNote = { on: string; note: string };

/** The fieldset; `idPrefix` makes the inputs' ids unique, `error` is shown under the legend. */
export function DateList({
  idPrefix,
  legend,
  entryLabel,
  items,
  onChange,
  error,
}: {
  idPrefix: string;
  legend: string;
  entryLabel: string;
  items: DatedNote[];
  onChange: (items: DatedNote[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<DatedNote>) =>
    onChange(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  return (
    <fieldset id={idPrefix} tabIndex={-1} className={error ? 'field--error' : undefined}>
      <legend>{legend}</legend>
      {error ? <p className="field__error">{error}</p> : null}
      {items.map((item, i) => (
        <div key={i} className="inline-form">
          <FormField id={`${idPrefix}-${i}-on`} label={t('measures.dateList.day', { what: entryLabel, n: i + 1 })}>
            {(control) => (
              <input {...control} type="date" value={item.on} onChange={(e) => set(i, { on: e.target.value })} />
            )}
          </FormField>
          <FormField id={`${idPrefix}-${i}-note`} label={t('measures.dateList.note', { what: entryLabel, n: i + 1 })}>
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={2000}
                value={item.note}
                onChange={(e) => set(i, { note: e.target.value })}
              />
            )}
          </FormField>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            {t('measures.dateList.remove', { what: entryLabel, n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...items, { on: '', note: '' }])}
      >
        {t('measures.dateList.add', { what: entryLabel })}
      </button>
    </fieldset>
  );
}

/** The entries to send: those with a day, notes trimmed (empty becomes null). */
export function datedNotesOut(items: DatedNote[]): { on: string; note: string | null }[] {
  return items.filter((i) => i.on).map((i) => ({ on: i.on, note: i.note.trim() || null }));
}
