/**
 * One-time codes that wait to be handed out (administrators and coordinators, start page). The
 * administrator who asked for a code never sees it: someone else issues it here, once, and hands it
 * to the person, who chooses their own password at the first sign-in.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../../api/endpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { useAction } from '../../hooks/useAction.js';
import { useFormat } from '../../i18n/format.js';
import { OneTimePassword } from './OneTimePassword.js';

/** The panel; nothing when no code waits and none was just issued. */
export function SignInCodesPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useMessages();
  const queryClient = useQueryClient();
  // Under the staff key: a password reset asked for on the staff page shows here at once.
  const codes = useQuery({ queryKey: ['staff', 'sign-in-codes'], queryFn: staffApi.signInCodes });
  const action = useAction();
  const [issued, setIssued] = useState<{ message: string; password: string } | null>(null);

  async function issue(id: string) {
    setIssued(null);
    await action.run(async () => {
      const code = await staffApi.issueSignInCode(id);
      setIssued({
        message: t('signInCodes.issuedFor', { name: code.name, email: code.email }),
        password: code.oneTimePassword,
      });
      await queryClient.invalidateQueries({ queryKey: ['staff', 'sign-in-codes'] });
    });
  }
  if (!issued && !codes.data?.length) return null;
  return (
    <section className="panel" aria-labelledby="sign-in-codes-title">
      <h2 id="sign-in-codes-title">{t('signInCodes.title')}</h2>
      <p>{t('signInCodes.intro')}</p>
      {issued ? <OneTimePassword message={issued.message} password={issued.password} /> : null}
      {action.error ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
      {codes.data && codes.data.length === 0 ? <p>{t('signInCodes.none')}</p> : null}
      <ul className="plain-list">
        {(codes.data ?? []).map((c) => (
          <li key={c.id}>
            <p>
              {t('signInCodes.item', {
                name: c.staff.name,
                email: c.staff.email,
                role: t(`roles.${c.staff.role}`),
                reason: t(`signInCodes.${c.reason}`),
                by: c.requestedBy.name,
                date: format.dateTime(c.createdAt),
              })}
            </p>
            <p className="button-row">
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={action.busy}
                onClick={() => void issue(c.id)}
              >
                {t('signInCodes.issue', { name: c.staff.name })}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
