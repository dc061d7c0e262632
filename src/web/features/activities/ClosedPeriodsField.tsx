/**
 * In the activity form: the periods the activity is closed (a summer break, a Christmas closure), when no session is
 * planned. Periods are added and removed here and saved with the rest of the form.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosedPeriod } from '../../../core/activities.js';
import { useFormat } from '../../i18n/format.js';

type Props = {
  periods: ClosedPeriod[];
  onChange: (periods: ClosedPeriod[]) => void;
  /** Errors by the API's field name (`closedPeriods.0.to`). */
  errors: Record<string, string>;
};

/** The field: the list with a remove button each, and three inputs and a button to add one. */
export function ClosedPeriodsField({ periods, onChange, errors }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const listErrors = Object.entries(errors).filter(([f]) => f.startsWith('closedPeriods'));

  function add() {
    if (!from || !to) return setProblem(t('activities.closed.needDays'));
    if (to < from) return setProblem(t('activities.closed.endBeforeStart'));
    setProblem(null);
    onChange([...periods, { from, to, reason: reason.trim() || null }].sort((a, b) => a.from.localeCompare(b.from)));
    setFrom('');
    setTo('');
    setReason('');
  }

  return (
    <fieldset id="activity-closedPeriods" className="field" tabIndex={-1}>
      <legend>{t('activities.closed.title')}</legend>
      <p className="field__hint">{t('activities.closed.hint')}</p>
      {listErrors.map(([f, message]) => (
        <p key={f} className="field__error">
          {message}
        </p>
      ))}
      {periods.length === 0 ? <p className="muted">{t('activities.closed.none')}</p> : null}
      <ul className="plain-list">
        {periods.map((p, i) => (
          <li key={`${p.from}_${p.to}_${i}`}>
            {format.date(p.from)}–{format.date(p.to)}
            {p.reason ? `: ${p.reason}` : ''}{' '}
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('activities.closed.removeLabel', { from: format.date(p.from), to: format.date(p.to) })}
              onClick={() => onChange(periods.filter((_, j) => j !== i))}
            >
              {t('activities.closed.remove')}
            </button>
          </li>
        ))}
      </ul>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="form-row">
        <div className="field">
          <label htmlFor="activity-closed-from">{t('activities.closed.from')}</label>
          <input id="activity-closed-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="activity-closed-to">{t('activities.closed.to')}</label>
          <input id="activity-closed-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="activity-closed-reason">{t('activities.closed.reason')}</label>
          <input id="activity-closed-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </div>
      <button type="button" className="button button--secondary" onClick={add}>
        {t('activities.closed.add')}
      </button>
    </fieldset>
  );
}
