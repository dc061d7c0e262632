/**
 * The fields a decision that is carried out asks for: the measure a `new_measure` books (offer, first day,
 * planned end), the referral a `referral` sends (agency, day sent) and the outcome a `closing` closes the case
 * with (outcome, day). The server books, sends and closes through the person page's own use cases.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.js';
import { REFERRAL_AGENCIES, type ReferralAgency } from '../../../core/measures.js';
import { OUTCOME_CODES, type Outcome } from '../../../core/outcomes.js';
import type { TeamDecisionKind } from '../../../core/team-meeting.js';
import { personsApi } from '../../api/endpoints.js';
import { offersApi } from '../../api/measureEndpoints.js';
import { FormField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';

/** What the lead filled in for a decision that is carried out. */
export type DecisionExtra = {
  offerId: string;
  startsOn: string;
  plannedEndOn: string;
  agency: string;
  sentOn: string;
  outcome: string;
  closedOn: string;
};
/** A new decision's extra fields: days default to today in Sweden. */
export function newDecisionExtra(): DecisionExtra {
  const today = todayInSweden();
  return { offerId: '', startsOn: today, plannedEndOn: '', agency: '', sentOn: today, outcome: '', closedOn: today };
}

/** The part of the decision's body its kind carries out, with the case's version for a closing. */
export function decisionExtraBody(kind: TeamDecisionKind, e: DecisionExtra, caseVersion: number | undefined) {
  if (kind === 'new_measure')
    return { measure: { offerId: e.offerId, startsOn: e.startsOn, plannedEndOn: e.plannedEndOn || null } };
  // An empty agency or outcome is sent as it is: the server refuses it, naming the field.
  if (kind === 'referral') return { referral: { agency: e.agency as ReferralAgency, sentOn: e.sentOn } };
  if (kind === 'closing')
    return { closing: { outcome: e.outcome as Outcome, closedOn: e.closedOn, version: caseVersion ?? -1 } };
  return {};
}

/** The open case's version, read when a closing is being decided. */
export function useCaseVersion(personId: string, enabled: boolean): number | undefined {
  const person = useQuery({
    queryKey: ['persons', personId],
    queryFn: () => personsApi.get(personId),
    enabled: enabled && Boolean(personId),
  });
  return person.data?.case?.version;
}

type Props = {
  kind: TeamDecisionKind | '';
  value: DecisionExtra;
  onChange: (value: DecisionExtra) => void;
  fields: Record<string, string>;
};

/** The inputs for the decision's kind; nothing for a kind that is only recorded or moves an application. */
export function DecisionFields({ kind, value, onChange, fields }: Props) {
  const { t } = useTranslation();
  const offers = useQuery({ queryKey: ['offers'], queryFn: () => offersApi.list(), enabled: kind === 'new_measure' });
  const set = (patch: Partial<DecisionExtra>) => onChange({ ...value, ...patch });
  const error = (group: string, field: string) => fields[`${group}.${field}`] ?? (field ? undefined : fields[group]);
  const date = (id: string, label: string, key: keyof DecisionExtra, err: string | undefined, required = true) => (
    <FormField id={id} label={label} required={required} error={err}>
      {(control) => (
        <input {...control} type="date" value={value[key]} onChange={(e) => set({ [key]: e.target.value })} />
      )}
    </FormField>
  );
  if (kind === 'new_measure')
    return (
      <>
        <SelectField
          id="decision-offer"
          label={t('teamMeetings.carryOut.offer')}
          value={value.offerId}
          onChange={(offerId) => set({ offerId })}
          empty={t('teamMeetings.pick')}
          options={(offers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={error('measure', 'offerId') ?? fields.measure}
          required
        />
        {date('decision-starts', t('teamMeetings.carryOut.startsOn'), 'startsOn', error('measure', 'startsOn'))}
        {date(
          'decision-planned-end',
          t('teamMeetings.carryOut.plannedEndOn'),
          'plannedEndOn',
          error('measure', 'plannedEndOn'),
          false,
        )}
      </>
    );
  if (kind === 'referral')
    return (
      <>
        <SelectField
          id="decision-agency"
          label={t('teamMeetings.carryOut.agency')}
          value={value.agency}
          onChange={(agency) => set({ agency })}
          empty={t('teamMeetings.pick')}
          options={REFERRAL_AGENCIES.map((a) => ({ value: a, label: t(`referrals.agencies.${a}`) }))}
          error={error('referral', 'agency') ?? fields.referral}
          required
        />
        {date('decision-sent', t('teamMeetings.carryOut.sentOn'), 'sentOn', error('referral', 'sentOn'))}
      </>
    );
  if (kind === 'closing')
    return (
      <>
        <SelectField
          id="decision-outcome"
          label={t('teamMeetings.carryOut.outcome')}
          value={value.outcome}
          onChange={(outcome) => set({ outcome })}
          empty={t('teamMeetings.pick')}
          options={OUTCOME_CODES.map((c) => ({ value: c, label: t(`outcomes.codes.${c}`) }))}
          error={error('closing', 'outcome') ?? fields.closing}
          required
        />
        {date('decision-closed', t('teamMeetings.carryOut.closedOn'), 'closedOn', error('closing', 'closedOn'))}
      </>
    );
  return null;
}
