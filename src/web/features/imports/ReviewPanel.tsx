/**
 * The review step: the rows with errors (line, column, value, reason) and the coordinator's explicit
 * consent to skip exactly those rows. Rows for people in other municipalities are listed apart:
 * they are never imported and need no consent. A population list with far fewer residents than the
 * one before needs the coordinator's word too, with both numbers shown.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../core/register-schemas.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { problemOf } from '../../api/query-client.js';
import { importKeys } from '../../api/queryKeys.js';
import { importsApi } from '../../api/registerEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';
import { ImportErrorTable } from './ImportErrorTable.js';
import { FormActions } from '../../components/FormActions.js';

type Props = { summary: ImportSummary };

/** The review panel of an import that needs review. */
export function ReviewPanel({ summary }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const format = useFormat();
  const messages = useMessages();
  const errors = useQuery({ queryKey: importKeys.errors(summary.id), queryFn: () => importsApi.allErrors(summary.id) });
  const [confirmed, setConfirmed] = useState(false);
  const [shrinkConfirmed, setShrinkConfirmed] = useState(false);
  const shrunk = summary.previousResidents !== null;
  const shrink = {
    residents: format.number(summary.rowsValid),
    previousResidents: format.number(summary.previousResidents ?? 0),
  };
  const [problem, setProblem] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const blocking = (errors.data ?? []).filter((e) => e.blocking);
  const other = (errors.data ?? []).filter((e) => !e.blocking);
  const lines = [...new Set(blocking.map((e) => e.line))].sort((a, b) => a - b);
  const count = lines.length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (count > 0 && !confirmed) {
      setProblem({ key: 'imports.review.notConfirmed' });
      return;
    }
    if (shrunk && !shrinkConfirmed) {
      setProblem({ key: 'imports.shrink.notConfirmed' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await importsApi.accept(summary.id, lines, shrunk);
      await queryClient.invalidateQueries({ queryKey: importKeys.one(summary.id) });
    } catch (err) {
      setProblem(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <section className="panel panel--highlight" aria-labelledby="review-title">
      <h2 id="review-title">
        {t(summary.errorCount === 0 && shrunk ? 'imports.shrink.title' : 'imports.review.title')}
      </h2>
      <p>
        {t('imports.review.summary', {
          total: format.number(summary.rowsTotal),
          valid: format.number(summary.rowsValid),
        })}
      </p>
      {shrunk ? <Alert tone="warning">{t('imports.shrink.warning', shrink)}</Alert> : null}
      <ProblemAlert error={problemOf(errors.error)} />
      {errors.isLoading ? <Loading /> : null}
      {errors.data ? (
        <>
          {count > 0 ? (
            <>
              <p className="strong">{t('imports.review.invalid', { count, formatted: format.number(count) })}</p>
              <ImportErrorTable
                id="import-errors"
                caption={t('imports.errors.caption')}
                errors={blocking}
                pagingLabel={t('imports.errors.pagingBlocking')}
              />
            </>
          ) : null}
          {other.length ? (
            <ImportErrorTable
              id="import-other"
              caption={t('imports.errors.otherCaption')}
              errors={other}
              pagingLabel={t('imports.errors.pagingOther')}
            />
          ) : null}
          {count > 0 ? <p>{t('imports.review.choice')}</p> : null}
          <form onSubmit={submit} noValidate className="accept-form">
            {count > 0 ? (
              <div className={problem ? 'field checkbox field--error' : 'field checkbox'}>
                <input
                  id="accept-confirm"
                  type="checkbox"
                  checked={confirmed}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? 'accept-confirm-error' : undefined}
                  onChange={(e) => setConfirmed(e.target.checked)}
                />
                <label htmlFor="accept-confirm">
                  {t('imports.review.confirm', { count, formatted: format.number(count) })}
                </label>
              </div>
            ) : null}
            {shrunk ? (
              <div className={problem ? 'field checkbox field--error' : 'field checkbox'}>
                <input
                  id="accept-shrink"
                  type="checkbox"
                  checked={shrinkConfirmed}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? 'accept-confirm-error' : undefined}
                  onChange={(e) => setShrinkConfirmed(e.target.checked)}
                />
                <label htmlFor="accept-shrink">{t('imports.shrink.confirm', shrink)}</label>
              </div>
            ) : null}
            {problem ? (
              <p id="accept-confirm-error" className="field__error" role="alert">
                <span className="visually-hidden">{t('form.errorPrefix')} </span>
                {messages.text(problem)}
              </p>
            ) : null}
            <FormActions submit={t(count > 0 ? 'imports.review.accept' : 'imports.shrink.accept')} busy={busy}>
              <Link to="/register/imports" className="button button--secondary">
                {t('imports.review.uploadAgain')}
              </Link>
            </FormActions>
          </form>
        </>
      ) : null}
    </section>
  );
}
