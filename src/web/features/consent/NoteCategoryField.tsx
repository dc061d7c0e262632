/**
 * The category of a new note: none (assessment and plan), or one the writer may see, e.g. health and social situation.
 */
import { useTranslation } from 'react-i18next';
import type { ConsentCategory } from '../../../core/consent.js';
import { SelectField } from '../../components/SelectField.js';

type Props = {
  id: string;
  categories: ConsentCategory[];
  value: ConsentCategory | '';
  onChange: (value: ConsentCategory | '') => void;
};

/**
 * The choices a writer with `categories` has: '' (no particular category) only when they may write assessment and plan.
 */
export function noteCategoryChoices(categories: ConsentCategory[]): (ConsentCategory | '')[] {
  const none: (ConsentCategory | '')[] = categories.includes('assessment_plan') ? [''] : [];
  return [...none, ...categories.filter((c) => c !== 'assessment_plan')];
}

/** A select of the categories the writer may record into. */
export function NoteCategoryField({ id, categories, value, onChange }: Props) {
  const { t } = useTranslation();
  const options = noteCategoryChoices(categories).map((c) => ({
    value: c,
    label: c ? t(`consent.categories.${c}`) : t('consentEvents.categoryNone'),
  }));
  return (
    <SelectField
      id={id}
      label={t('consentEvents.category')}
      hint={t('consentEvents.categoryHint')}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
