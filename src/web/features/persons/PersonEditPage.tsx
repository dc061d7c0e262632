/** /persons/:id/edit: edit a person, sending the version that was read (optimistic locking). */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { personsApi } from '../../api/endpoints.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { problemOf } from '../../api/query-client.js';
import { personKeys } from '../../api/queryKeys.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { PersonForm } from './PersonForm.js';
import { toUpdateBody, valuesOf, type PersonValues } from './personForm.js';
import { usePersonChanged } from './usePersonChanged.js';

/** The edit page. */
export function PersonEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const messages = useMessages();
  const navigate = useNavigate();
  const person = useQuery({ queryKey: personKeys.detail(id), queryFn: () => personsApi.get(id) });
  const personChanged = usePersonChanged();
  const [problem, setProblem] = useState<Message | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [conflict, setConflict] = useState(false);

  const error = problemOf(person.error);
  if (error?.status === 404) return <NotFoundPage />;
  if (error) return <ProblemAlert error={error} />;
  if (!person.data) return <Loading />;
  const current = person.data;

  async function submit(values: PersonValues) {
    setBusy(true);
    try {
      await personsApi.update(id, toUpdateBody(values, current.version));
      await personChanged(id);
      navigate(`/persons/${id}`, { state: { saved: true } });
    } catch (err) {
      setConflict(err instanceof ApiError && err.code === 'version_conflict');
      setProblem(messageOf(err));
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  }

  async function reload() {
    await person.refetch();
    setProblem(null);
    setConflict(false);
    setFormKey((k) => k + 1);
  }

  const name = t('persons.fullName', { given: current.givenName, family: current.familyName });
  return (
    <>
      <PageHeading title={t('persons.edit.title', { name })} />
      {conflict ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void reload()}>
            {t('persons.edit.reload')}
          </button>
        </p>
      ) : null}
      <PersonForm
        key={formKey}
        initial={valuesOf(current)}
        mode="edit"
        errors={messages.fields({}, problem)}
        problem={messages.text(problem)}
        attempt={attempt}
        busy={busy}
        contactDetailsHidden={current.contactDetailsHidden}
        onSubmit={submit}
        cancel={
          <Link to={`/persons/${id}`} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        }
      />
    </>
  );
}
