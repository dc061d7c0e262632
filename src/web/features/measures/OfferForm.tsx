/** The form to add an offer to the catalogue or change one: what it is, who provides it, where, capacity and cost. */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  COST_UNITS,
  OFFER_KINDS,
  STUDY_FORMS,
  type CostUnit,
  type OfferKind,
  type StudyForm,
} from '../../../core/measures.js';
import type { Offer, OfferInput } from '../../../core/measure-schemas.js';
import { offersApi } from '../../api/measureEndpoints.js';
import { staffApi } from '../../api/endpoints.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField, TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';

/** The offer form; `offer` given: change it, otherwise add a new one. */
export function OfferForm({ offer, onDone }: { offer?: Offer; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const queryClient = useQueryClient();
  const units = useQuery({ queryKey: ['units'], queryFn: () => staffApi.units() });
  const [name, setName] = useState(offer?.name ?? '');
  const [kind, setKind] = useState<OfferKind | ''>(offer?.kind ?? '');
  const [studyForm, setStudyForm] = useState<StudyForm | ''>(offer?.studyForm ?? '');
  const [description, setDescription] = useState(offer?.description ?? '');
  const [providerUnitId, setProviderUnitId] = useState(offer?.provider.unitId ?? '');
  const [providerName, setProviderName] = useState(offer && !offer.provider.unitId ? offer.provider.name : '');
  const [location, setLocation] = useState(offer?.location ?? '');
  const [capacity, setCapacity] = useState(
    offer?.capacity === null || offer?.capacity === undefined ? '' : String(offer.capacity),
  );
  const [costAmount, setCostAmount] = useState(
    offer?.costAmount === null || offer?.costAmount === undefined ? '' : String(offer.costAmount),
  );
  const [costUnit, setCostUnit] = useState<CostUnit | ''>(offer?.costUnit ?? '');
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempts, setAttempts] = useState(0);

  const save = useMutation({
    mutationFn: (body: OfferInput) =>
      offer ? offersApi.update(offer.id, { ...body, version: offer.version }) : offersApi.create(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['offers'] });
      onDone(true);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const checks: FieldMessages = {};
    if (!name.trim()) checks.name = { key: 'fieldErrors.required' };
    if (!kind) checks.kind = { key: 'fieldErrors.required' };
    if (!providerUnitId && !providerName.trim()) checks.providerName = { key: 'fieldErrors.required' };
    if (costAmount && !costUnit) checks.costUnit = { key: 'fieldErrors.required' };
    setLocal(checks);
    save.reset();
    if (Object.keys(checks).length) return;
    save.mutate({
      name,
      kind: kind as OfferKind,
      studyForm: kind === 'studies' && studyForm ? studyForm : null,
      description: description.trim() || null,
      providerUnitId: providerUnitId || null,
      providerName: providerUnitId ? null : providerName.trim() || null,
      location: location.trim() || null,
      capacity: capacity === '' ? null : Number(capacity),
      costAmount: costAmount === '' ? null : Number(costAmount),
      costUnit: costAmount === '' ? null : costUnit || null,
    });
  }

  const apiError = save.error ? messageOf(save.error) : null;
  const fields = messages.fields(local, apiError);
  const summary = Object.entries(fields).map(([field, message]) => ({
    fieldId: `offer-${field}`,
    label: t(`offers.fields.${field}`, { defaultValue: field }),
    message,
  }));
  const title = offer ? t('offers.editTitle', { name: offer.name }) : t('offers.new');
  return (
    <form onSubmit={submit} noValidate aria-label={title} className="offer-form">
      <h3>{title}</h3>
      <ErrorSummary
        items={summary}
        message={apiError && summary.length === 0 ? messages.text(apiError) : undefined}
        focusKey={attempts}
      />
      <TextField
        id="offer-name"
        label={t('offers.fields.name')}
        value={name}
        onChange={setName}
        error={fields.name}
        required
      />
      <SelectField
        id="offer-kind"
        label={t('offers.fields.kind')}
        value={kind}
        onChange={setKind}
        empty={t('offers.pickKind')}
        options={OFFER_KINDS.map((k) => ({ value: k, label: t(`offers.kinds.${k}`) }))}
        error={fields.kind}
        required
      />
      {kind === 'studies' ? (
        <SelectField
          id="offer-studyForm"
          label={t('offers.fields.studyForm')}
          value={studyForm}
          onChange={setStudyForm}
          empty={t('offers.noStudyForm')}
          options={STUDY_FORMS.map((f) => ({ value: f, label: t(`offers.studyForms.${f}`) }))}
          error={fields.studyForm}
        />
      ) : null}
      <FormField id="offer-description" label={t('offers.fields.description')} error={fields.description}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </FormField>
      <SelectField
        id="offer-providerUnitId"
        label={t('offers.fields.providerUnitId')}
        hint={t('offers.providerHint')}
        value={providerUnitId}
        onChange={setProviderUnitId}
        empty={t('offers.externalProvider')}
        options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        error={fields.providerUnitId}
      />
      {providerUnitId ? null : (
        <TextField
          id="offer-providerName"
          label={t('offers.fields.providerName')}
          value={providerName}
          onChange={setProviderName}
          error={fields.providerName}
          required
        />
      )}
      <TextField
        id="offer-location"
        label={t('offers.fields.location')}
        value={location}
        onChange={setLocation}
        error={fields.location}
      />
      <FormField id="offer-capacity" label={t('offers.fields.capacity')} error={fields.capacity}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            step={1}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
        )}
      </FormField>
      <FormField id="offer-costAmount" label={t('offers.fields.costAmount')} error={fields.costAmount}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            step={1}
            value={costAmount}
            onChange={(e) => setCostAmount(e.target.value)}
          />
        )}
      </FormField>
      <SelectField
        id="offer-costUnit"
        label={t('offers.fields.costUnit')}
        value={costUnit}
        onChange={setCostUnit}
        empty={t('offers.noCostUnit')}
        options={COST_UNITS.map((u) => ({ value: u, label: t(`offers.costUnits.${u}`) }))}
        error={fields.costUnit}
      />
      <FormActions
        submit={offer ? t('offers.saveChanges') : t('offers.add')}
        busy={save.isPending}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
