/** Which units are the KAA's own (administrators): their caseworkers work with cases without consent. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../../api/endpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { useAction } from '../../hooks/useAction.js';
import { unitKeys } from '../admin/units-api.js';

/** The KAA units panel. */
export function KaaUnitsForm() {
  const { t } = useTranslation();
  const messages = useMessages();
  const queryClient = useQueryClient();
  const units = useQuery({ queryKey: unitKeys.all, queryFn: () => staffApi.units() });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const action = useAction();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (units.data) setChosen(new Set(units.data.filter((u) => u.kaa).map((u) => u.id)));
  }, [units.data]);

  const toggle = (id: string, on: boolean) =>
    setChosen((now) => (on ? new Set(now).add(id) : new Set([...now].filter((x) => x !== id))));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await action.run(() => staffApi.setKaaUnits([...chosen]));
    setSaved(ok);
    if (ok) await queryClient.invalidateQueries({ queryKey: unitKeys.all });
  }
  return (
    <section className="panel" aria-labelledby="kaa-units-title">
      <h2 id="kaa-units-title">{t('kaaUnits.title')}</h2>
      <form onSubmit={submit} noValidate>
        {saved ? <Alert tone="success">{t('kaaUnits.saved')}</Alert> : null}
        {action.error ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
        <fieldset aria-describedby="kaa-units-hint">
          <legend>{t('kaaUnits.legend')}</legend>
          <p id="kaa-units-hint" className="field__hint">
            {t('kaaUnits.hint')}
          </p>
          {(units.data ?? []).map((u) => (
            <div className="field checkbox" key={u.id}>
              <input
                id={`kaa-unit-${u.id}`}
                type="checkbox"
                checked={chosen.has(u.id)}
                onChange={(e) => toggle(u.id, e.target.checked)}
              />
              <label htmlFor={`kaa-unit-${u.id}`}>{u.name}</label>
            </div>
          ))}
        </fieldset>
        <FormActions submit={t('kaaUnits.save')} busy={action.busy} />
      </form>
    </section>
  );
}
