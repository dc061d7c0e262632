/** A labelled select of every ladder channel and check step. */
import { useTranslation } from 'react-i18next';
import { ATTEMPT_CHANNELS, type AttemptChannel } from '../../../core/outreach.js';
import { FormField } from '../../components/FormField.js';

/** The channel select. */
export function ChannelSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: AttemptChannel;
  onChange: (channel: AttemptChannel) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormField id={id} label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as AttemptChannel)}>
          {ATTEMPT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`contact.channels.${c}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
