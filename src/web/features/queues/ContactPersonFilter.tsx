/** Chooses whose persons the queues show: everyone the reader may see, their own, or those without a contact person. */
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';

/** The filter select; the value goes in the address as ?contactPerson=. */
export function ContactPersonFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <FormField id="queue-filter" label={t('queues.filterLabel')}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('queues.filters.all')}</option>
          <option value="me">{t('queues.filters.me')}</option>
          <option value="none">{t('queues.filters.none')}</option>
        </select>
      )}
    </FormField>
  );
}
