/** /persons/new: register a new young person; on success go to their page. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { personsApi } from '../../api/endpoints.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PersonForm } from './PersonForm.js';
import { emptyPerson, toCreateBody, type PersonValues } from './personForm.js';

/** The create page. */
export function PersonCreatePage() {
  const { t } = useTranslation();
  const messages = useMessages();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Message | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(values: PersonValues) {
    setBusy(true);
    try {
      const { id } = await personsApi.create(toCreateBody(values));
      navigate(`/persons/${id}`, { state: { created: true } });
    } catch (err) {
      setProblem(messageOf(err));
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={t('persons.create.title')} />
      <p className="lead">{t('persons.create.intro')}</p>
      <PersonForm
        initial={emptyPerson()}
        mode="create"
        errors={messages.fields({}, problem)}
        problem={messages.text(problem)}
        attempt={attempt}
        busy={busy}
        onSubmit={submit}
        cancel={
          <Link to="/persons" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        }
      />
    </>
  );
}
