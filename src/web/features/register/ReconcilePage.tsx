/**
 * /register/reconcile: reconcile the register with the accepted source lists on a date. A preview
 * shows who would enter, leave or get new details, and why; only "Genomför" changes the register.
 * Both run as background jobs with a progress bar. Below, the register on any date.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { personKeys, registerKeys } from '../../api/queryKeys.js';
import { registerApi, type ReconcileResult } from '../../api/registerEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { TextField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useJob } from '../../hooks/useJob.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { ReconcileResultView } from './ReconcileResultView.js';
import { RegisterOnDate } from './RegisterOnDate.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The reconciliation page. */
export function ReconcilePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [today] = useState(todayIso);
  const [asOf, setAsOf] = useState(today);
  const [invalid, setInvalid] = useState(false);
  const [running, setRunning] = useState<'preview' | 'apply' | null>(null);
  const [shown, setShown] = useState<{ result: ReconcileResult; applied: boolean } | null>(null);
  const queryClient = useQueryClient();
  const job = useJob<ReconcileResult>();

  const [confirmed, setConfirmed] = useState('');
  const [mismatch, setMismatch] = useState(false);

  async function run(apply: boolean, day: string, confirmLeaving?: number) {
    setRunning(apply ? 'apply' : 'preview');
    setShown(null);
    setConfirmed('');
    setMismatch(false);
    const state = await job.start(() => registerApi.reconcile(day, apply, confirmLeaving));
    setRunning(null);
    if (state.status === 'done') {
      setShown({ result: state.result, applied: apply });
      if (apply) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: registerKeys.all }),
          queryClient.invalidateQueries({ queryKey: personKeys.all }),
        ]);
      }
    }
  }

  function preview(event: FormEvent) {
    event.preventDefault();
    const ok = ISO_DAY.test(asOf);
    setInvalid(!ok);
    if (ok) void run(false, asOf);
  }

  const previewed = shown && !shown.applied ? shown.result : null;

  /** Applies the previewed day; one that takes many out runs only with their number typed. */
  function apply(event: FormEvent) {
    event.preventDefault();
    if (!previewed) return;
    const leaving = previewed.left.length;
    if (previewed.leavingNeedsConfirmation && confirmed.trim() !== String(leaving)) {
      setMismatch(true);
      return;
    }
    void run(true, previewed.asOf, previewed.leavingNeedsConfirmation ? leaving : undefined);
  }
  return (
    <>
      <PageHeading title={t('reconcile.title')} />
      <p className="lead">{t('reconcile.intro')}</p>
      <section className="panel" aria-labelledby="reconcile-form-title">
        <h2 id="reconcile-form-title">{t('reconcile.form.title')}</h2>
        <form onSubmit={preview} noValidate className="inline-form">
          <TextField
            id="reconcile-date"
            type="date"
            label={t('reconcile.form.asOf')}
            hint={t('reconcile.form.asOfHint')}
            value={asOf}
            onChange={(value) => {
              setAsOf(value);
              if (previewed && value !== previewed.asOf) setShown(null);
            }}
            error={invalid ? t('reconcile.form.invalidDate') : undefined}
            required
          />
          <button type="submit" className="button" disabled={running !== null}>
            {t('reconcile.form.preview')}
          </button>
        </form>
        <p className="small muted">
          {t('reconcile.form.sources')} <Link to="/register/imports">{t('reconcile.form.importsLink')}</Link>
        </p>
      </section>
      {job.state.status === 'running' && running ? (
        <section className="panel" aria-labelledby="reconcile-progress-title">
          <h2 id="reconcile-progress-title">{t(`reconcile.progress.${running}`)}</h2>
          <ProgressBar
            id="reconcile-progress"
            label={t('reconcile.progress.label')}
            value={job.state.progress}
            max={job.state.total}
            text={t('reconcile.progress.count', {
              count: job.state.progress,
              formatted: format.number(job.state.progress),
            })}
          />
        </section>
      ) : null}
      {job.state.status === 'failed' ? <ProblemAlert error={job.state.error} /> : null}
      {shown ? <ReconcileResultView result={shown.result} applied={shown.applied} /> : null}
      {previewed ? (
        <section className="panel" aria-labelledby="reconcile-apply-title">
          <h2 id="reconcile-apply-title">{t('reconcile.apply.title')}</h2>
          <p>{t('reconcile.apply.text', { date: format.date(previewed.asOf) })}</p>
          <form onSubmit={apply} noValidate className="inline-form">
            {previewed.leavingNeedsConfirmation ? (
              <>
                <Alert tone="warning">
                  {t('reconcile.guard.warning', {
                    leaving: format.number(previewed.left.length),
                    inRegister: format.number(previewed.inRegisterBefore ?? 0),
                  })}
                </Alert>
                <TextField
                  id="reconcile-confirm-leaving"
                  inputMode="numeric"
                  label={t('reconcile.guard.confirmLabel')}
                  hint={t('reconcile.guard.confirmHint', { leaving: previewed.left.length })}
                  value={confirmed}
                  onChange={(value) => {
                    setConfirmed(value);
                    setMismatch(false);
                  }}
                  error={mismatch ? t('reconcile.guard.mismatch', { leaving: previewed.left.length }) : undefined}
                  required
                />
              </>
            ) : null}
            <button type="submit" className="button" disabled={running !== null}>
              {t('reconcile.apply.button')}
            </button>
          </form>
        </section>
      ) : null}
      {can('register.read') ? <RegisterOnDate today={today} /> : null}
    </>
  );
}
