/**
 * What the contact person prepared for the young person to sign in Mitt Lotsa and that still waits for
 * the signature: consents (which give no access yet) and applications to a team (which reach no team
 * meeting yet). One list for both: a heading, each item as its kind shows it, who prepared it and when,
 * and, for those who manage the person, a button that takes it back. Nothing when there is none.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationsApi, consentsApi } from '../../api/consentEndpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { problemOf } from '../../api/query-client.js';
import { personKeys } from '../../api/queryKeys.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { useAction } from '../../hooks/useAction.js';
import { useFormat } from '../../i18n/format.js';

type Prepared = { id: string; preparedAt: string; preparedBy: string | null };

type Props<T extends Prepared> = {
  title: string;
  queryKey: readonly unknown[];
  load: () => Promise<T[]>;
  manage: boolean;
  /** Called after one was taken back, to read again what it changes. */
  onCancelled: () => Promise<unknown>;
  listClassName: string;
  itemClassName?: string;
  /** The item as its kind shows it. */
  item: (prepared: T) => ReactNode;
  /** The take-back button's accessible name for this item. */
  cancelLabel: (prepared: T) => string;
};

/** The list of what waits for the young person's signature. */
function PreparedForSigning<T extends Prepared>(props: Props<T>) {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useMessages();
  const action = useAction();
  const prepared = useQuery({ queryKey: props.queryKey, queryFn: props.load });
  if (prepared.error) return <ProblemAlert error={problemOf(prepared.error)} />;
  if (!prepared.data?.length) return null;
  return (
    <>
      <h3>{props.title}</h3>
      {action.error ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
      <ul className={props.listClassName}>
        {prepared.data.map((p) => (
          <li key={p.id} className={props.itemClassName}>
            {props.item(p)}
            <p className="muted small">
              {t('consent.preparedAt', { date: format.dateTime(p.preparedAt), name: p.preparedBy ?? '' })}
            </p>
            {props.manage ? (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={action.busy}
                aria-label={props.cancelLabel(p)}
                onClick={async () => {
                  if (await action.run(() => consentsApi.cancelPrepared(p.id))) await props.onCancelled();
                }}
              >
                {t('consent.preparedCancel')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Consents waiting for the signature: to whom, what, why and until when. */
export function PreparedConsents({
  personId,
  manage,
  onChanged,
}: {
  personId: string;
  manage: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = (c: { recipients: { name: string }[] }) => c.recipients.map((r) => r.name).join(', ');
  return (
    <PreparedForSigning
      title={t('consent.preparedTitle')}
      queryKey={personKeys.preparedConsents(personId)}
      load={() => consentsApi.prepared(personId)}
      manage={manage}
      onCancelled={onChanged}
      listClassName="consent-list"
      itemClassName="consent consent--prepared"
      cancelLabel={(c) => t('consent.preparedCancelHint', { names: names(c) })}
      item={(c) => (
        <>
          <p className="consent__head">
            <span className="badge">{t('consent.preparedState')}</span> {names(c)}
          </p>
          <dl className="details details--compact">
            <dt>{t('consent.whatShared')}</dt>
            <dd>{c.categories.map((x) => t(`consent.categories.${x}`)).join(', ')}</dd>
            <dt>{t('consent.purpose')}</dt>
            <dd>{c.purpose}</dd>
            <dt>{t('consent.validUntil')}</dt>
            <dd>{c.validUntil ? format.date(c.validUntil) : t('consent.untilWithdrawn')}</dd>
          </dl>
        </>
      )}
    />
  );
}

/** Applications to a team waiting for the signature: which team, and who refers. */
export function PreparedApplications({ personId, manage }: { personId: string; manage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <PreparedForSigning
      title={t('applications.preparedTitle')}
      queryKey={personKeys.preparedApplications(personId)}
      load={() => applicationsApi.prepared(personId)}
      manage={manage}
      onCancelled={() => queryClient.invalidateQueries({ queryKey: personKeys.applications(personId) })}
      listClassName="plain-list"
      cancelLabel={(a) => t('applications.preparedCancelHint', { team: a.team.name })}
      item={(a) => (
        <>
          <span className="badge badge--none">{t('consent.preparedState')}</span> {a.team.name},{' '}
          {t(`applications.referrer.${a.referrer}`)}
        </>
      )}
    />
  );
}
