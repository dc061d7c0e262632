/** A measure's hours in the week, for the young person's schedule: a weekday, from and to, per row. */
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';

/** One row as the form holds it. */
export type HourRow = { weekday: string; start: string; end: string };

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** The fieldset; errors by the API's field names (`weeklyHours.0.end`). */
export function WeeklyHoursFields({
  rows,
  onChange,
  errors,
}: {
  rows: HourRow[];
  onChange: (rows: HourRow[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<HourRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const id = (i: number, field: string) => `measure-weeklyHours-${i}-${field}`;
  return (
    <fieldset id="measure-weeklyHours" tabIndex={-1}>
      <legend>{t('schedule.hours.legend')}</legend>
      <p className="field__hint">{t('schedule.hours.hint')}</p>
      {errors.weeklyHours ? <p className="field__error">{errors.weeklyHours}</p> : null}
      {rows.map((row, i) => (
        <div key={i} className="inline-form">
          <FormField
            id={id(i, 'weekday')}
            label={t('schedule.hours.weekday', { n: i + 1 })}
            error={errors[`weeklyHours.${i}.weekday`]}
          >
            {(control) => (
              <select {...control} value={row.weekday} onChange={(e) => set(i, { weekday: e.target.value })}>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`schedule.weekdays.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id={id(i, 'start')}
            label={t('schedule.hours.start', { n: i + 1 })}
            error={errors[`weeklyHours.${i}.start`]}
          >
            {(control) => (
              <input {...control} type="time" value={row.start} onChange={(e) => set(i, { start: e.target.value })} />
            )}
          </FormField>
          <FormField
            id={id(i, 'end')}
            label={t('schedule.hours.end', { n: i + 1 })}
            error={errors[`weeklyHours.${i}.end`]}
          >
            {(control) => (
              <input {...control} type="time" value={row.end} onChange={(e) => set(i, { end: e.target.value })} />
            )}
          </FormField>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {t('schedule.hours.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...rows, { weekday: '1', start: '09:00', end: '15:00' }])}
      >
        {t('schedule.hours.add')}
      </button>
    </fieldset>
  );
}

/** The rows to send: complete ones, as the API takes them. */
export function hoursOut(rows: HourRow[]): { weekday: number; start: string; end: string }[] {
  return rows.filter((r) => r.start && r.end).map((r) => ({ weekday: Number(r.weekday), start: r.start, end: r.end }));
}
