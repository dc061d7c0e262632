/**
 * /settings/young-person: coordinators choose whether the access log a young person reads in Mitt
 * Lotsa names the staff who read their data, or shows unit and role only. For the whole municipality.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { YoungPersonSettings } from '../../../core/me-schemas.js';
import { request } from '../../api/client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';

const PATH = '/api/v1/settings/young-person';
const KEY = ['settings', 'young-person'];

/** The page. */
export function YoungPersonSettingsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const loaded = useQuery({ queryKey: KEY, queryFn: () => request<YoungPersonSettings>(PATH) });
  const [shown, setShown] = useState(false);
  const [saved, setSaved] = useState(false);
  const { error, run } = useAction();
  useEffect(() => setShown(loaded.data?.staffNamesShown ?? false), [loaded.data]);
  if (loaded.error) return <Alert>{loaded.error.message}</Alert>;
  if (!loaded.data) return <Loading />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = { staffNamesShown: shown };
    if (!(await run(() => request<YoungPersonSettings>(PATH, { method: 'PUT', body })))) return;
    setSaved(true);
    await client.invalidateQueries({ queryKey: KEY });
  }

  return (
    <>
      <PageHeading title={t('youngPersonSettings.title')} />
      <p className="lead">{t('youngPersonSettings.intro')}</p>
      <form onSubmit={submit} noValidate>
        {saved ? <Alert tone="success">{t('youngPersonSettings.saved')}</Alert> : null}
        <ProblemAlert error={apiErrorOf(error)} />
        <div className="field checkbox">
          <input
            id="yp-staff-names"
            type="checkbox"
            checked={shown}
            aria-describedby="yp-staff-names-hint"
            onChange={(e) => setShown(e.target.checked)}
          />
          <label htmlFor="yp-staff-names">{t('youngPersonSettings.staffNames')}</label>
        </div>
        <p id="yp-staff-names-hint" className="field__hint">
          {t('youngPersonSettings.staffNamesHint')}
        </p>
        <FormActions submit={t('youngPersonSettings.save')} />
      </form>
    </>
  );
}
