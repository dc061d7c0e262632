/**
 * The form to refer a young person to another agency, or to follow a referral up: its status,
 * whether staff went along to the first visit, and the outcome.
 */
import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
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
import type { Referral, ReferralInput } from '../../../core/measure-schemas.js';
import { referralsApi } from '../../api/measureEndpoints.js';
import type { FieldMessages } from '../../api/fieldErrors.js';
import { CheckedForm } from '../../components/CheckedForm.js';
import { TextAreaField, TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { useCheckedForm } from '../../hooks/useCheckedForm.js';
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
  const queryClient = useQueryClient();
  // A follow-up sends only what may change after the referral was made.
  const form = useCheckedForm({
    initial: () => ({
      agency: (referral?.agency ?? '') as ReferralAgency | '',
      agencyName: referral?.agencyName ?? '',
      sentOn: referral?.sentOn ?? todayIso(),
      reason: referral?.reason ?? '',
      accompanied: referral?.accompanied ?? false,
      firstVisitOn: referral?.firstVisitOn ?? '',
      status: (referral?.status ?? 'sent') as ReferralStatus,
      outcome: referral?.outcome ?? '',
    }),
    fieldId: (field) => `referral-${field}`,
    send: (body: ReferralInput) =>
      referral
        ? referralsApi.update(referral.id, {
            status: body.status,
            outcome: body.outcome,
            accompanied: body.accompanied,
            firstVisitOn: body.firstVisitOn,
            version: referral.version,
          })
        : referralsApi.create(personId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['persons', personId] });
      onDone(true);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { agency, agencyName, sentOn, reason, accompanied, firstVisitOn, status, outcome } = form.values;
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
    form.submit(checks, () => ({
      agency: agency as ReferralAgency,
      agencyName: agencyName.trim() || null,
      sentOn,
      reason: reason.trim() || null,
      accompanied,
      firstVisitOn: firstVisitOn || null,
      status,
      outcome: outcome.trim() || null,
    }));
  }

  const labels: Record<string, string> = {
    agency: t('referrals.agency'),
    agencyName: t('referrals.agencyName'),
    sentOn: t('referrals.sentOn'),
    firstVisitOn: t('referrals.firstVisitOn'),
    status: t('referrals.status'),
    outcome: t('referrals.outcome'),
  };
  const agencies = REFERRAL_AGENCIES.filter((a) => categories.includes(referralCategory(a)));
  const title = referral
    ? t('referrals.editTitle', { agency: referral.agencyName ?? t(`referrals.agencies.${referral.agency}`) })
    : t('referrals.new');

  return (
    <CheckedForm
      title={title}
      className="referral-form"
      form={form}
      onSubmit={submit}
      labelOf={(field) => labels[field] ?? field}
      submit={referral ? t('referrals.saveChanges') : t('referrals.send')}
      onCancel={() => onDone(false)}
    >
      {referral ? null : (
        <>
          <SelectField
            {...form.bind('agency')}
            label={t('referrals.agency')}
            hint={agencies.length < REFERRAL_AGENCIES.length ? t('referrals.someWithheld') : undefined}
            empty={t('referrals.pickAgency')}
            options={agencies.map((a) => ({ value: a, label: t(`referrals.agencies.${a}`) }))}
            required
          />
          <TextField
            {...form.bind('agencyName')}
            label={t('referrals.agencyName')}
            hint={t('referrals.agencyNameHint')}
            required={form.values.agency === 'other'}
          />
          <TextField {...form.bind('sentOn')} label={t('referrals.sentOn')} type="date" required />
          <TextAreaField {...form.bind('reason')} label={t('referrals.reason')} rows={2} maxLength={2000} />
        </>
      )}
      <div className="field checkbox">
        <input
          id="referral-accompanied"
          type="checkbox"
          checked={form.values.accompanied}
          onChange={(e) => form.set({ accompanied: e.target.checked })}
        />
        <label htmlFor="referral-accompanied">{t('referrals.accompanied')}</label>
      </div>
      <TextField {...form.bind('firstVisitOn')} label={t('referrals.firstVisitOn')} type="date" />
      <SelectField
        {...form.bind('status')}
        label={t('referrals.status')}
        options={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referrals.statuses.${s}`) }))}
      />
      <TextAreaField
        {...form.bind('outcome')}
        label={t('referrals.outcome')}
        hint={t('referrals.outcomeHint')}
        rows={2}
        maxLength={2000}
      />
    </CheckedForm>
  );
}
