/**
 * A checkbox whose change is saved at once (sharing a note or an assessment section with the young
 * person, say): disabled while saving, with a hint, a status line read out after each save, and the
 * server's problem when it fails. The caller holds the mutation.
 */
import { ApiError } from '../api/client.js';
import { ProblemAlert } from './Alert.js';

type Props = {
  id: string;
  checked: boolean;
  saving: boolean;
  label: string;
  hint: string;
  /** What the last save did, once it is done (empty before the first). */
  status: string;
  error: unknown;
  /** Further ids that describe the box, besides its hint. */
  describedBy?: string;
  onChange: (checked: boolean) => void;
};

/** The checkbox, its hint, its status line and its error. */
export function SaveAtOnceCheckbox({ id, checked, saving, label, hint, status, error, describedBy, onChange }: Props) {
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={saving}
          aria-describedby={[`${id}-hint`, describedBy].filter(Boolean).join(' ')}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <p role="status" className="muted">
        {saving ? '' : status}
      </p>
      <ProblemAlert error={error instanceof ApiError ? error : null} />
    </div>
  );
}
