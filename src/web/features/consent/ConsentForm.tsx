/**
 * Record a consent: recipients, categories, purpose in the young person's words, who gave it and how, and until
 * when.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_CATEGORIES, CONSENT_GIVERS, CONSENT_METHODS, type ConsentCategory } from '../../../core/consent.js';
import type { Consent } from '../../../core/consent-schemas.js';
import { ageOn } from '../../../core/personnummer.js';
import type { PersonDetail } from '../../../core/schemas.js';
import { consentsApi } from '../../api/consentEndpoints.js';
import { staffApi } from '../../api/endpoints.js';
import { useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField, TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { unitKeys } from '../admin/units-api.js';
import { ChoiceGroup } from './ChoiceGroup.js';

/** `prepare`: a consent for the young person to sign in Mitt Lotsa (no giver, method or day: they sign it). */
type Props = { person: PersonDetail; onSaved: () => Promise<void>; onCancel: () => void; prepare?: boolean };
const today = () => new Date().toISOString().slice(0, 10);

/** The consent form: to record a consent given, or to prepare one for the young person to sign. */
export function ConsentForm({ person, onSaved, onCancel, prepare = false }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const units = useQuery({ queryKey: unitKeys.all, queryFn: () => staffApi.units() });
  const [recipients, setRecipients] = useState<string[]>([]);
  const [categories, setCategories] = useState<ConsentCategory[]>([]);
  const [purpose, setPurpose] = useState(() => t('consent.purposeDefault'));
  const [givenBy, setGivenBy] = useState<Consent['givenBy']>('young_person');
  const [method, setMethod] = useState<Consent['method']>('in_lotsa');
  const [givenOn, setGivenOn] = useState(today);
  const [validUntil, setValidUntil] = useState('');
  const [local, setLocal] = useState<FieldMessages>({});
  const action = useAction();
  const { error } = action;
  const [attempts, setAttempts] = useState(0);
  const under18 = ageOn(person.birthDate, new Date()) < 18;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const checks: FieldMessages = {};
    if (recipients.length === 0) checks.recipientUnitIds = { key: 'consent.pickRecipient' };
    if (categories.length === 0) checks.categories = { key: 'consent.pickCategory' };
    if (!purpose.trim()) checks.purpose = { key: 'fieldErrors.required' };
    setLocal(checks);
    action.setError(null);
    if (Object.keys(checks).length) return;
    const common = {
      recipientUnitIds: recipients,
      categories,
      purpose: purpose.trim(),
      validUntil: validUntil || null,
    };
    if (prepare) {
      if (await action.run(() => consentsApi.prepare(person.id, common))) await onSaved();
      return;
    }
    if (
      await action.run(() =>
        consentsApi.record(person.id, {
          recipientUnitIds: recipients,
          categories,
          purpose: purpose.trim(),
          givenBy,
          method,
          givenOn,
          validUntil: validUntil || null,
        }),
      )
    )
      await onSaved();
  }

  const fields = messages.fields(local, error);
  // Where each field's error leads: the first choice of a group, or the control itself.
  const firstOf: Record<string, string> = {
    recipientUnitIds: `consent-recipients-${units.data?.[0]?.id ?? ''}`,
    categories: 'consent-categories-contact_occupation',
    givenBy: 'consent-given-by-young_person',
  };
  const summary = Object.entries(fields).map(([field, message]) => ({
    fieldId: firstOf[field] ?? `consent-${field}`,
    message,
  }));
  return (
    <form onSubmit={submit} className="consent-form" noValidate aria-labelledby="consent-form-title">
      <h3 id="consent-form-title">{prepare ? t('consent.prepareTitle') : t('consent.new')}</h3>
      {prepare ? <p className="muted">{t('consent.prepareHint')}</p> : null}
      {summary.length ? (
        <ErrorSummary items={summary} focusKey={attempts} />
      ) : error ? (
        <Alert tone="error">{messages.text(error)}</Alert>
      ) : null}
      {under18 ? <p className="notice">{t('consent.under18')}</p> : null}
      <div>
        <ChoiceGroup
          name="consent-recipients"
          legend={t('consent.recipientsLegend')}
          type="checkbox"
          choices={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          selected={recipients}
          onChange={setRecipients}
          error={fields.recipientUnitIds}
        />
      </div>
      <div>
        <ChoiceGroup
          name="consent-categories"
          legend={t('consent.categoriesLegend')}
          type="checkbox"
          choices={CONSENT_CATEGORIES.map((c) => ({
            value: c,
            label: t(`consent.categories.${c}`),
            hint: t(`consent.categoryHints.${c}`),
          }))}
          selected={categories}
          onChange={setCategories}
          error={fields.categories}
        />
      </div>
      <FormField
        id="consent-purpose"
        label={t('consent.purpose')}
        hint={t('consent.purposeHint')}
        error={fields.purpose}
        required
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={1000}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        )}
      </FormField>
      {prepare ? null : (
        <>
          <div>
            <ChoiceGroup
              name="consent-given-by"
              legend={t('consent.givenBy.label')}
              type="radio"
              choices={CONSENT_GIVERS.map((g) => ({ value: g, label: t(`consent.givenBy.${g}`) }))}
              selected={[givenBy]}
              onChange={(v) => setGivenBy(v[0]!)}
              error={fields.givenBy}
            />
          </div>
          <ChoiceGroup
            name="consent-method"
            legend={t('consent.method.label')}
            type="radio"
            choices={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.method.${m}`) }))}
            selected={[method]}
            onChange={(v) => setMethod(v[0]!)}
          />
        </>
      )}
      <div className="field-row">
        {prepare ? null : (
          <TextField
            id="consent-givenOn"
            label={t('consent.givenOn')}
            type="date"
            value={givenOn}
            onChange={setGivenOn}
            error={fields.givenOn}
            required
          />
        )}
        <TextField
          id="consent-validUntil"
          label={t('consent.validUntil')}
          hint={t('consent.validUntilHint')}
          type="date"
          value={validUntil}
          onChange={setValidUntil}
          error={fields.validUntil}
        />
      </div>
      <FormActions
        submit={prepare ? t('consent.prepareSave') : t('consent.save')}
        busy={action.busy}
        onCancel={onCancel}
      />
    </form>
  );
}
