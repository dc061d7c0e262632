/** Choose a new password: required after a one-time password, before anything else is allowed. */
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { messageOf, useMessages, type FieldMessages, type Message } from '../../api/fieldErrors.js';
import { Alert, Loading } from '../../components/Alert.js';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { authApi } from '../../api/endpoints.js';
import { useSession } from './session.js';
import { PASSWORD_MIN_LENGTH } from '../../../core/passwords.js';

type Field = 'current' | 'next' | 'repeat';

/** The change-password page. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const messages = useMessages();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', repeat: '' });
  const [local, setLocal] = useState<FieldMessages>({});
  const [problem, setProblem] = useState<Message | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to="/login" replace />;

  // Just signed in with a one-time password: it is not asked for again.
  const askCurrent = !me.mustChangePassword;
  const labels: Record<Field, string> = {
    current: t('password.current'),
    next: t('password.new'),
    repeat: t('password.repeat'),
  };
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  function validate(): FieldMessages {
    const found: FieldMessages = {};
    if (askCurrent && !values.current) found.current = { key: 'fieldErrors.required' };
    if (values.next.length < PASSWORD_MIN_LENGTH)
      found.next = { key: 'password.tooShort', params: { count: PASSWORD_MIN_LENGTH } };
    else if (values.next === values.current) found.next = { key: 'password.sameAsOld' };
    if (values.repeat !== values.next) found.repeat = { key: 'password.mismatch' };
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setLocal(found);
    setProblem(null);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await authApi.changePassword(askCurrent ? values.current : undefined, values.next);
      await refresh();
      navigate('/', { replace: true, state: { passwordChanged: true } });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_credentials')
        setLocal({ current: { key: 'password.currentWrong' } });
      else setProblem(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  // The API names the fields currentPassword and newPassword.
  const all = messages.fields(local, problem);
  const errors: Partial<Record<Field, string>> = {
    current: all.current ?? all.currentPassword,
    next: all.next ?? all.newPassword,
    repeat: all.repeat,
  };
  const ids: Record<Field, string> = { current: 'password-current', next: 'password-new', repeat: 'password-repeat' };
  const summary: SummaryItem[] = (Object.keys(ids) as Field[]).flatMap((f) =>
    errors[f] ? [{ fieldId: ids[f], label: labels[f], message: errors[f] }] : [],
  );
  return (
    <section className="panel narrow" aria-labelledby="page-title">
      <PageHeading title={t('password.title')} />
      {me.mustChangePassword ? <Alert tone="info">{t('password.mustChange')}</Alert> : null}
      <ErrorSummary message={messages.text(problem)} items={summary} focusKey={attempt} />
      <form onSubmit={submit} noValidate>
        {askCurrent ? (
          <TextField
            id={ids.current}
            label={labels.current}
            type="password"
            autoComplete="current-password"
            value={values.current}
            onChange={set('current')}
            error={errors.current}
            required
          />
        ) : null}
        <TextField
          id={ids.next}
          label={labels.next}
          hint={t('password.hint', { count: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          value={values.next}
          onChange={set('next')}
          error={errors.next}
          required
        />
        <TextField
          id={ids.repeat}
          label={labels.repeat}
          type="password"
          autoComplete="new-password"
          value={values.repeat}
          onChange={set('repeat')}
          error={errors.repeat}
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </section>
  );
}
