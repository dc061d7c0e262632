/**
 * The form to refer a young person to another agency, or to follow a referral up: its status,
 * whether staff went along to the first visit, and the outcome.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  REFERRAL_AGENCIES,
  REFERRAL_STATUSES,
  referralCategory,
  referralProblems,
  type ReferralAgency,
  type ReferralStatus,
} from '../../../core/measures.js';
import type { ConsentCategory } from '../../../core/consent.js';
import type { Referral } from '../../../core/measure-schemas.js';
import { referralsApi } from '../../api/measureEndpoints.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField, TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { todayIso } from '../../i18n/format.js';

/**
 * The referral form; `referral` given: follow it up, otherwise make a new one (only to agencies in a category the
 * reader may write).
 */
export function ReferralForm({
  personId,
  referral,
  categories,
  onDone,
}: {
  personId: string;
  referral?: Referral;
  categories: ConsentCategory[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const messages = useMessages();
  const queryClient = useQueryClient();
  const [agency, setAgency] = useState<ReferralAgency | ''>(referral?.agency ?? '');
  const [agencyName, setAgencyName] = useState(referral?.agencyName ?? '');
  const [sentOn, setSentOn] = useState(referral?.sentOn ?? todayIso());
  const [reason, setReason] = useState(referral?.reason ?? '');
  const [accompanied, setAccompanied] = useState(referral?.accompanied ?? false);
  const [firstVisitOn, setFirstVisitOn] = useState(referral?.firstVisitOn ?? '');
  const [status, setStatus] = useState<ReferralStatus>(referral?.status ?? 'sent');
  const [outcome, setOutcome] = useState(referral?.outcome ?? '');
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempts, setAttempts] = useState(0);

  const save = useMutation({
    mutationFn: () =>
      referral
        ? referralsApi.update(referral.id, {
            status,
            outcome: outcome.trim() || null,
            accompanied,
            firstVisitOn: firstVisitOn || null,
            version: referral.version,
          })
        : referralsApi.create(personId, {
            agency: agency as ReferralAgency,
            agencyName: agencyName.trim() || null,
            sentOn,
            reason: reason.trim() || null,
            accompanied,
            firstVisitOn: firstVisitOn || null,
            status,
            outcome: outcome.trim() || null,
          }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['persons', personId] });
      onDone(true);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const checks: FieldMessages = {};
    if (!referral && !agency) checks.agency = { key: 'fieldErrors.required' };
    if (!referral && agency === 'other' && !agencyName.trim()) checks.agencyName = { key: 'fieldErrors.required' };
    for (const p of referralProblems({
      status,
      outcome: outcome.trim() || null,
      sentOn,
      firstVisitOn: firstVisitOn || null,
    }))
      checks[p.field] = { key: `fieldErrors.${p.code}` };
    setLocal(checks);
    save.reset();
    if (Object.keys(checks).length === 0) save.mutate();
  }

  const apiError = save.error ? messageOf(save.error) : null;
  const fields = messages.fields(local, apiError);
  const labels: Record<string, string> = {
    agency: t('referrals.agency'),
    agencyName: t('referrals.agencyName'),
    sentOn: t('referrals.sentOn'),
    firstVisitOn: t('referrals.firstVisitOn'),
    status: t('referrals.status'),
    outcome: t('referrals.outcome'),
  };
  const summary = Object.entries(fields).map(([field, message]) => ({
    fieldId: `referral-${field}`,
    label: labels[field] ?? field,
    message,
  }));
  const agencies = REFERRAL_AGENCIES.filter((a) => categories.includes(referralCategory(a)));
  const title = referral
    ? t('referrals.editTitle', { agency: referral.agencyName ?? t(`referrals.agencies.${referral.agency}`) })
    : t('referrals.new');

  return (
    <form onSubmit={submit} noValidate aria-label={title} className="referral-form">
      <h4>{title}</h4>
      <ErrorSummary
        items={summary}
        message={apiError && summary.length === 0 ? messages.text(apiError) : undefined}
        focusKey={attempts}
      />
      {referral ? null : (
        <>
          <SelectField
            id="referral-agency"
            label={t('referrals.agency')}
            hint={agencies.length < REFERRAL_AGENCIES.length ? t('referrals.someWithheld') : undefined}
            value={agency}
            onChange={setAgency}
            empty={t('referrals.pickAgency')}
            options={agencies.map((a) => ({ value: a, label: t(`referrals.agencies.${a}`) }))}
            error={fields.agency}
            required
          />
          <TextField
            id="referral-agencyName"
            label={t('referrals.agencyName')}
            hint={t('referrals.agencyNameHint')}
            value={agencyName}
            onChange={setAgencyName}
            error={fields.agencyName}
            required={agency === 'other'}
          />
          <TextField
            id="referral-sentOn"
            label={t('referrals.sentOn')}
            type="date"
            value={sentOn}
            onChange={setSentOn}
            error={fields.sentOn}
            required
          />
          <FormField id="referral-reason" label={t('referrals.reason')} error={fields.reason}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </FormField>
        </>
      )}
      <div className="field checkbox">
        <input
          id="referral-accompanied"
          type="checkbox"
          checked={accompanied}
          onChange={(e) => setAccompanied(e.target.checked)}
        />
        <label htmlFor="referral-accompanied">{t('referrals.accompanied')}</label>
      </div>
      <TextField
        id="referral-firstVisitOn"
        label={t('referrals.firstVisitOn')}
        type="date"
        value={firstVisitOn}
        onChange={setFirstVisitOn}
        error={fields.firstVisitOn}
      />
      <SelectField
        id="referral-status"
        label={t('referrals.status')}
        value={status}
        onChange={setStatus}
        options={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referrals.statuses.${s}`) }))}
        error={fields.status}
      />
      <FormField
        id="referral-outcome"
        label={t('referrals.outcome')}
        hint={t('referrals.outcomeHint')}
        error={fields.outcome}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={2000}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
          />
        )}
      </FormField>
      <FormActions
        submit={referral ? t('referrals.saveChanges') : t('referrals.send')}
        busy={save.isPending}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
