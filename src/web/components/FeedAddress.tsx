/**
 * A calendar subscription's address, shown once when it is made: a read-only field that selects
 * itself on focus, so it can be copied into a calendar program.
 */
type Props = { id: string; label: string; hint: string; url: string };

/** The address field with its label and hint. */
export function FeedAddress({ id, label, hint, url }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <input
        id={id}
        type="text"
        readOnly
        value={url}
        aria-describedby={`${id}-hint`}
        onFocus={(e) => e.target.select()}
      />
    </div>
  );
}
