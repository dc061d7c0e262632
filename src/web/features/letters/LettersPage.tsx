/**
 * /letters: today's letters with what to mind about each, printing them as one PDF, and (coordinators) the templates.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { lettersApi, newIdempotencyKey, outreachKeys } from '../../api/outreachEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { downloadBlob } from './download.js';
import { TemplateEditor } from './TemplateEditor.js';

type Printed = { printed: number; forwarded: number; skipped: number };

/** The letters page. */
export function LettersPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const due = useQuery({ queryKey: outreachKeys.lettersDue, queryFn: lettersApi.due });
  const [record, setRecord] = useState(true);
  const [language, setLanguage] = useState<'sv' | 'en'>(i18n.language === 'en' ? 'en' : 'sv');
  const [printed, setPrinted] = useState<Printed | null>(null);
  const { busy, error, run } = useAction();
  const problem = apiErrorOf(error);
  const key = useRef(newIdempotencyKey());

  async function print(event: FormEvent) {
    event.preventDefault();
    setPrinted(null);
    const ok = await run(async () => {
      const { blob, headers } = await lettersApi.print(
        { dueToday: true, recordAttempts: record, language },
        key.current,
      );
      downloadBlob(blob, `brev-${todayIso()}.pdf`);
      setPrinted({
        printed: Number(headers.get('lotsa-printed') ?? 0),
        forwarded: Number(headers.get('lotsa-forwarded') ?? 0),
        skipped: Number(headers.get('lotsa-skipped-no-address') ?? 0),
      });
    });
    if (!ok) return;
    key.current = newIdempotencyKey();
    await queryClient.invalidateQueries({ queryKey: outreachKeys.lettersDue });
  }

  return (
    <>
      <PageHeading title={t('letters.title')} />
      <p className="lead">{t('letters.intro')}</p>
      <section className="panel" aria-labelledby="due-title">
        <h2 id="due-title">{t('letters.due.title')}</h2>
        <ProblemAlert error={due.error instanceof ApiError ? due.error : null} />
        {!due.data ? (
          <Loading />
        ) : due.data.length === 0 ? (
          <p>{t('letters.due.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--compact">
              <caption className="visually-hidden">{t('letters.due.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('letters.due.name')}</th>
                  <th scope="col">{t('letters.due.kind')}</th>
                  <th scope="col">{t('letters.due.dueOn')}</th>
                  <th scope="col">{t('letters.due.note')}</th>
                </tr>
              </thead>
              <tbody>
                {due.data.map((d) => (
                  <tr key={`${d.personId}-${d.kind}`}>
                    <th scope="row">
                      <Link to={`/persons/${d.personId}/outreach`}>
                        {t('persons.fullName', { given: d.givenName, family: d.familyName })}
                      </Link>
                    </th>
                    <td>{t(`letters.kinds.${d.kind}`)}</td>
                    <td className="nowrap">{format.date(d.dueOn)}</td>
                    <td>
                      {d.forwardViaSkatteverket ? t('letters.forward') : d.noAddress ? t('letters.noAddress') : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <form onSubmit={print} noValidate>
          {printed ? (
            <Alert tone="success">
              <p>
                {t('letters.print.done', { printed: printed.printed })}{' '}
                {printed.forwarded ? t('letters.print.forwarded', { count: printed.forwarded }) : ''}{' '}
                {printed.skipped ? t('letters.print.skipped', { count: printed.skipped }) : ''}
              </p>
            </Alert>
          ) : null}
          <ProblemAlert error={problem} />
          <FormField id="print-language" label={t('letters.print.language')}>
            {(control) => (
              <select {...control} value={language} onChange={(e) => setLanguage(e.target.value as 'sv' | 'en')}>
                <option value="sv">{t('letters.languages.sv')}</option>
                <option value="en">{t('letters.languages.en')}</option>
              </select>
            )}
          </FormField>
          <div className="field checkbox">
            <input id="print-record" type="checkbox" checked={record} onChange={(e) => setRecord(e.target.checked)} />
            <label htmlFor="print-record">{t('letters.print.record')}</label>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('letters.print.submit')}
          </button>
        </form>
      </section>
      {can('outreach.configure') ? <TemplateEditor /> : null}
    </>
  );
}
