/**
 * The proposed next step and its due date, the meetings booked ahead, and a form to choose another step
 * with a reason.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptChannel } from '../../../core/outreach.js';
import type { Outreach } from '../../../core/outreach-schemas.js';
import { contactApi } from '../../api/outreachEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FormField, TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from './useFieldErrors.js';
import { ChannelSelect } from './ChannelSelect.js';
import { useOutreachChanged } from './useOutreachChanged.js';
import { BookedMeetings } from './BookedMeetings.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { FormActions } from '../../components/FormActions.js';

type Props = { personId: string; outreach: Outreach };

/** The next-step panel. */
export function NextStepPanel({ personId, outreach }: Props) {
  const { t } = useTranslation();
  const outreachChanged = useOutreachChanged();
  const format = useFormat();
  const next = outreach.nextStep;
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<AttemptChannel>(next?.channel ?? 'phone');
  const [dueOn, setDueOn] = useState(next?.dueOn ?? todayIso());
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { error, run } = useAction();
  const problem = apiErrorOf(error);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!reason.trim()) errors.reason = t('contact.nextStep.reasonRequired');
    if (!dueOn) errors.dueOn = t('contact.nextStep.dateRequired');
    setLocal(errors);
    setSaved(false);
    if (Object.keys(errors).length) return;
    if (
      !(await run(() =>
        contactApi.override(personId, { channel, dueOn, reason: reason.trim(), version: outreach.nextStepVersion }),
      ))
    )
      return;
    setSaved(true);
    setOpen(false);
    setReason('');
    await outreachChanged(personId);
  }

  return (
    <section className="panel panel--highlight" aria-labelledby="next-step-title">
      <h2 id="next-step-title">{t('contact.nextStep.title')}</h2>
      {saved ? <Alert tone="success">{t('contact.nextStep.saved')}</Alert> : null}
      {!outreach.enteredOn ? (
        <p>{t('contact.nextStep.notInRegister')}</p>
      ) : next ? (
        <>
          <p className="next-step">
            {t('contact.nextStep.due', {
              channel: t(`contact.channels.${next.channel}`),
              date: format.date(next.dueOn),
            })}
          </p>
          {next.overrideReason ? (
            <p className="muted">
              {t('contact.nextStep.overridden', { reason: next.overrideReason })}{' '}
              {outreach.proposal
                ? t('contact.nextStep.proposal', {
                    channel: t(`contact.channels.${outreach.proposal.channel}`),
                    date: format.date(outreach.proposal.dueOn),
                  })
                : null}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t('contact.nextStep.none')}</p>
      )}
      <BookedMeetings meetings={outreach.meetings} />
      {outreach.enteredOn && !open ? (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('contact.nextStep.change')}
        </button>
      ) : null}
      {open ? (
        <form onSubmit={submit} noValidate>
          <ProblemAlert error={problem} />
          <ChannelSelect
            id="override-channel"
            label={t('contact.nextStep.channel')}
            value={channel}
            onChange={setChannel}
          />
          <TextField
            id="override-date"
            type="date"
            label={t('contact.nextStep.dueOn')}
            value={dueOn}
            onChange={setDueOn}
            error={local.dueOn}
          />
          <FormField
            id="override-reason"
            label={t('contact.nextStep.reason')}
            hint={t('contact.nextStep.reasonHint')}
            error={local.reason}
          >
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </FormField>
          <FormActions submit={t('contact.nextStep.save')} onCancel={() => setOpen(false)} />
        </form>
      ) : null}
    </section>
  );
}
