/** A labelled progress bar with a polite text of how far the work has come. */

type Props = {
  id: string;
  label: string;
  /** Units done so far. */
  value: number;
  /** Units in all; without it the bar is indeterminate (the work's size is not known yet). */
  max?: number | null;
  /** What the bar shows, in words (e.g. "1 200 rows checked"); announced politely. */
  text: string;
};

/** The progress bar: a native <progress> named by its label, described by the text. */
export function ProgressBar({ id, label, value, max, text }: Props) {
  const determinate = typeof max === 'number' && max > 0;
  return (
    <div className="progress">
      <label htmlFor={id} className="progress__label">
        {label}
      </label>
      <progress
        id={id}
        aria-describedby={`${id}-text`}
        {...(determinate ? { value: Math.min(value, max), max } : {})}
      />
      <p id={`${id}-text`} className="progress__text" role="status">
        {text}
      </p>
    </div>
  );
}
