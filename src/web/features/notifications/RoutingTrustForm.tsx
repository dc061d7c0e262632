/**
 * The coordinator's choice of the municipalities whose population lists may route the
 * municipality's schools' notifications to themselves (none until chosen; the server audits it).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.js';
import { problemOf } from '../../api/query-client.js';
import { notificationKeys } from '../../api/queryKeys.js';
import { notificationsApi } from '../../api/registerEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';

/** The routing-trust section of the coordinator's notifications page. */
export function RoutingTrustForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const routing = useQuery({ queryKey: notificationKeys.routing, queryFn: () => notificationsApi.routing() });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setChosen(new Set(routing.data?.trusted.map((m) => m.id) ?? [])), [routing.data]);

  const all = routing.data
    ? [...routing.data.trusted, ...routing.data.others].sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    : [];
  const toggle = (id: string) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      await notificationsApi.saveRouting([...chosen]);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: notificationKeys.routing });
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="routing-trust-title">
      <h2 id="routing-trust-title">{t('notificationRouting.title')}</h2>
      <p>{t('notificationRouting.intro')}</p>
      <ProblemAlert error={problemOf(routing.error) ?? error} />
      {saved ? <Alert tone="success">{t('notificationRouting.saved')}</Alert> : null}
      {routing.isPending ? <Loading /> : null}
      {routing.data && all.length === 0 ? <p className="muted">{t('notificationRouting.none')}</p> : null}
      {all.length > 0 ? (
        <form onSubmit={submit} noValidate>
          <fieldset className="checkbox-group">
            <legend>{t('notificationRouting.legend')}</legend>
            {all.map((m) => (
              <div className="field checkbox" key={m.id}>
                <input id={`trust-${m.id}`} type="checkbox" checked={chosen.has(m.id)} onChange={() => toggle(m.id)} />
                <label htmlFor={`trust-${m.id}`}>
                  {t('notificationRouting.municipality', { name: m.name, code: m.code })}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            {t('notificationRouting.save')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
