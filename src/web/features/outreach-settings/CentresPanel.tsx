/** The municipality's centres and meeting places; coordinators add new ones. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { centreBody } from '../../../core/outreach-schemas.js';
import { calendarApi } from '../../api/outreachEndpoints.js';
import { calendarKeys } from '../../api/queryKeys.js';
import { Alert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { useSchemaForm } from '../../hooks/useSchemaForm.js';

/** The centres panel; a new centre's name is checked with the core schema the server checks it with. */
export function CentresPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const centres = useQuery({ queryKey: calendarKeys.centres, queryFn: () => calendarApi.centres() });
  const [name, setName] = useState('');
  const [added, setAdded] = useState(false);
  const form = useSchemaForm(centreBody, (body) => calendarApi.addCentre(body.name), {
    onSuccess: async () => {
      setName('');
      setAdded(true);
      await queryClient.invalidateQueries({ queryKey: calendarKeys.centres });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(false);
    form.submit({ name });
  }

  return (
    <section className="panel" aria-labelledby="centres-title">
      <h2 id="centres-title">{t('outreachSettings.centres.title')}</h2>
      {centres.data && centres.data.length ? (
        <ul>
          {centres.data.map((c) => (
            <li key={c.id}>{c.name}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('outreachSettings.centres.empty')}</p>
      )}
      <form onSubmit={submit} noValidate>
        {added ? <Alert tone="success">{t('outreachSettings.centres.added')}</Alert> : null}
        {/* The settings form above has the page's error summary; this small form says its problem in place. */}
        {form.problem ? <Alert tone="error">{form.problem}</Alert> : null}
        <TextField
          id="centre-name"
          label={t('outreachSettings.centres.name')}
          value={name}
          onChange={setName}
          error={form.errors.name}
        />
        <FormActions submit={t('outreachSettings.centres.add')} busy={form.busy} />
      </form>
    </section>
  );
}
