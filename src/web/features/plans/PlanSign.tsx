/**
 * The young person signs the plan's current version, in Lotsa or on paper (then the scan is attached); earlier
 * signatures are listed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_SIGN_METHODS, PLAN_SIGNERS } from '../../../core/plan.js';
import type { Plan } from '../../../core/plan-schemas.js';
import { ApiError } from '../../api/client.js';
import { planApi } from '../../api/planEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { useFormat } from '../../i18n/format.js';

/** The signatures section of the plan page. */
export function PlanSign({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [signedBy, setSignedBy] = useState<(typeof PLAN_SIGNERS)[number]>('young_person');
  const [method, setMethod] = useState<(typeof PLAN_SIGN_METHODS)[number]>('in_lotsa');
  const [file, setFile] = useState<File | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cases', plan.caseId, 'plan'] });
  const sign = useMutation({
    mutationFn: async () => {
      const { id } = await planApi.sign(plan.caseId, { version: plan.version, signedBy, method });
      if (method === 'paper' && file) await planApi.attachScan(id, file);
    },
    onSuccess: refresh,
  });
  const signedNow = plan.signatures.some((s) => s.version === plan.version);

  function submit(event: FormEvent) {
    event.preventDefault();
    sign.mutate();
  }

  return (
    <section className="panel" aria-labelledby="plan-sign-title">
      <h2 id="plan-sign-title">{t('plan.signTitle')}</h2>
      {plan.signatures.length ? (
        <ul>
          {plan.signatures.map((s) => (
            <li key={s.id}>
              {t('plan.signatureLine', {
                version: s.version,
                date: format.date(s.signedOn),
                signer: t(`plan.signers.${s.signedBy}`),
                method: t(`plan.methods.${s.method}`),
              })}{' '}
              {s.hasScan ? <a href={planApi.scanUrl(s.id)}>{t('plan.openScan', { version: s.version })}</a> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('plan.notSigned')}</p>
      )}
      {signedNow ? <Alert tone="success">{t('plan.currentSigned', { version: plan.version })}</Alert> : null}
      {plan.canEdit && plan.version > 0 && !signedNow ? (
        <form onSubmit={submit} noValidate>
          {sign.error instanceof ApiError ? <ProblemAlert error={sign.error} /> : null}
          <SelectField
            id="plan-sign-by"
            label={t('plan.fields.signedBy')}
            value={signedBy}
            onChange={setSignedBy}
            options={PLAN_SIGNERS.map((s) => ({ value: s, label: t(`plan.signers.${s}`) }))}
          />
          <SelectField
            id="plan-sign-method"
            label={t('plan.fields.method')}
            value={method}
            onChange={setMethod}
            options={PLAN_SIGN_METHODS.map((m) => ({ value: m, label: t(`plan.methods.${m}`) }))}
          />
          {method === 'paper' ? (
            <FormField id="plan-sign-scan" label={t('plan.fields.scan')} hint={t('plan.scanHint')}>
              {(control) => (
                <input
                  {...control}
                  type="file"
                  accept="application/pdf,image/jpeg,image/png"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              )}
            </FormField>
          ) : null}
          <button type="submit" className="button" disabled={sign.isPending}>
            {t('plan.signButton', { version: plan.version })}
          </button>
        </form>
      ) : null}
    </section>
  );
}
