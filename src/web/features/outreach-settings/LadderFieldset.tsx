/** The contact ladder as an ordered list of steps: channel and days to wait, with add, remove and move. */
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type LadderStep } from '../../../core/outreach.js';

type Props = { ladder: LadderStep[]; onChange: (ladder: LadderStep[]) => void; error?: string };

/** The ladder editor. */
export function LadderFieldset({ ladder, onChange, error }: Props) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<LadderStep>) =>
    onChange(ladder.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...ladder];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  const unused = CONTACT_CHANNELS.find((c) => !ladder.some((s) => s.channel === c));
  return (
    <fieldset className={error ? 'field--error' : undefined} aria-describedby={error ? 'ladder-error' : undefined}>
      <legend>{t('outreachSettings.ladder.legend')}</legend>
      {error ? (
        <p id="ladder-error" className="field__error">
          {error}
        </p>
      ) : null}
      <ol className="ladder">
        {ladder.map((step, i) => (
          <li key={i} className="ladder__step">
            <div className="field">
              <label
                htmlFor={`ladder-channel-${i}`}
              >{`${t('outreachSettings.ladder.step', { n: i + 1 })}: ${t('outreachSettings.ladder.channel')}`}</label>
              <select
                id={`ladder-channel-${i}`}
                value={step.channel}
                onChange={(e) => update(i, { channel: e.target.value as LadderStep['channel'] })}
              >
                {CONTACT_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`contact.channels.${c}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`ladder-wait-${i}`}>{t('outreachSettings.ladder.wait')}</label>
              <input
                id={`ladder-wait-${i}`}
                type="number"
                inputMode="numeric"
                min={0}
                className="input--short"
                value={Number.isNaN(step.waitDays) ? '' : step.waitDays}
                onChange={(e) => update(i, { waitDays: e.target.valueAsNumber })}
              />
            </div>
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('outreachSettings.ladder.up', { n: i + 1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={i === ladder.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('outreachSettings.ladder.down', { n: i + 1 })}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={ladder.length === 1}
                onClick={() => onChange(ladder.filter((_, j) => j !== i))}
              >
                {t('outreachSettings.ladder.remove', { n: i + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {unused ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange([...ladder, { channel: unused, waitDays: 3 }])}
        >
          {t('outreachSettings.ladder.add')}
        </button>
      ) : null}
    </fieldset>
  );
}
