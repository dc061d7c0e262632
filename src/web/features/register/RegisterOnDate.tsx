/** "I registret per datum": who was in the register on a chosen date, since when and why. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { freshOnOpen, problemOf } from '../../api/query-client.js';
import { registerKeys } from '../../api/queryKeys.js';
import { registerApi } from '../../api/registerEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { TextField } from '../../components/FormField.js';
import { useFormat } from '../../i18n/format.js';
import { PersonNumberTable } from './PersonNumberTable.js';

/** The register-on-a-date section; `today` is the date shown first. Reconciling refreshes it (`registerKeys`). */
export function RegisterOnDate({ today }: { today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [input, setInput] = useState(today);
  const [asOf, setAsOf] = useState(today);
  const [invalid, setInvalid] = useState(false);
  const query = useQuery({
    queryKey: registerKeys.on(asOf),
    queryFn: () => registerApi.on(asOf),
    placeholderData: keepPreviousData,
    ...freshOnOpen,
  });
  const register = { data: query.data, error: problemOf(query.error), loading: query.isFetching };

  function show(event: FormEvent) {
    event.preventDefault();
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(input);
    setInvalid(!ok);
    if (ok) setAsOf(input);
  }

  const date = format.date(asOf);
  const rows = (register.data ?? []).map((e) => ({
    personalIdentityNumber: e.personalIdentityNumber,
    cells: [t(`register.entry.${e.reason}`, { defaultValue: e.reason }), format.date(e.since)],
  }));
  return (
    <section className="panel" aria-labelledby="register-on-title">
      <h2 id="register-on-title">{t('registerOn.title')}</h2>
      <form onSubmit={show} noValidate className="inline-form">
        <TextField
          id="register-on-date"
          type="date"
          label={t('registerOn.date')}
          value={input}
          onChange={setInput}
          error={invalid ? t('registerOn.invalidDate') : undefined}
          required
        />
        <button type="submit" className="button button--secondary">
          {t('registerOn.show')}
        </button>
      </form>
      <ProblemAlert error={register.error} />
      <p role="status" className="result-count">
        {register.data && !register.loading
          ? t('registerOn.count', { count: register.data.length, formatted: format.number(register.data.length), date })
          : null}
      </p>
      {register.loading && !register.data ? <Loading /> : null}
      {register.data && register.data.length > 0 ? (
        <div aria-busy={register.loading}>
          <PersonNumberTable
            key={asOf}
            caption={t('registerOn.caption', { date })}
            columns={[t('registerOn.reason'), t('registerOn.since')]}
            rows={rows}
            linkToPerson
            pagingLabel={t('registerOn.paging')}
          />
        </div>
      ) : null}
    </section>
  );
}
