/** The municipality's centres and meeting places; coordinators add new ones. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api/outreachEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';
import { useLoad } from '../../hooks/useLoad.js';

/** The centres panel. */
export function CentresPanel() {
  const { t } = useTranslation();
  const centres = useLoad(() => calendarApi.centres(), []);
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
    await centres.reload();
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
