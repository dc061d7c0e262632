/** The municipality's centres and meeting places; coordinators add new ones. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api/outreachEndpoints.js';
import { calendarKeys } from '../../api/queryKeys.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';

/** The centres panel. */
export function CentresPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const centres = useQuery({ queryKey: calendarKeys.centres, queryFn: () => calendarApi.centres() });
  const [name, setName] = useState('');
  const [added, setAdded] = useState(false);
  const { error, run } = useAction();
  const problem = apiErrorOf(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(false);
    if (!(await run(() => calendarApi.addCentre(name)))) return;
    setName('');
    setAdded(true);
    await queryClient.invalidateQueries({ queryKey: calendarKeys.centres });
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
        <ProblemAlert error={problem} />
        <TextField id="centre-name" label={t('outreachSettings.centres.name')} value={name} onChange={setName} />
        <button type="submit" className="button button--secondary">
          {t('outreachSettings.centres.add')}
        </button>
      </form>
    </section>
  );
}
