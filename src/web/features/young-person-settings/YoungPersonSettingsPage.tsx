/**
 * /settings/young-person: coordinators choose whether the access log a young person reads in Mitt
 * Lotsa names the staff who read their data, or shows unit and role only. For the whole municipality.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { youngPersonSettingsSchema, type YoungPersonSettings } from '../../../core/me-schemas.js';
import { request } from '../../api/client.js';
import { problemOf } from '../../api/query-client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSchemaForm } from '../../hooks/useSchemaForm.js';

const PATH = '/api/v1/settings/young-person';
const KEY = ['settings', 'young-person'];

/** The page. */
export function YoungPersonSettingsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const loaded = useQuery({ queryKey: KEY, queryFn: () => request<YoungPersonSettings>(PATH) });
  const [shown, setShown] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(
    youngPersonSettingsSchema,
    (body) => request<YoungPersonSettings>(PATH, { method: 'PUT', body }),
    {
      onSuccess: async () => {
        setSaved(true);
        await client.invalidateQueries({ queryKey: KEY });
      },
    },
  );
  useEffect(() => setShown(loaded.data?.staffNamesShown ?? false), [loaded.data]);
  if (loaded.error) return <ProblemAlert error={problemOf(loaded.error)} />;
  if (!loaded.data) return <Loading />;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    form.submit({ staffNamesShown: shown });
  }

  return (
    <>
      <PageHeading title={t('youngPersonSettings.title')} />
      <p className="lead">{t('youngPersonSettings.intro')}</p>
      <form onSubmit={submit} noValidate>
        {saved ? <Alert tone="success">{t('youngPersonSettings.saved')}</Alert> : null}
        {form.problem ? <Alert tone="error">{form.problem}</Alert> : null}
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
        <FormActions submit={t('youngPersonSettings.save')} busy={form.busy} />
      </form>
    </>
  );
}
