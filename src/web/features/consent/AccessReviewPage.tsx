/**
 * /admin/access-review: the administrators' follow-up of access (outside own cases, emergency access, many persons,
 * night), and the emergency-access hours.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessReviewRow } from '../../../core/consent-schemas.js';
import { accessReviewApi } from '../../api/consentEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useFormat } from '../../i18n/format.js';
import { EmergencyHoursForm } from './EmergencyHoursForm.js';
import { KaaUnitsForm } from './KaaUnitsForm.js';
import { ACCESS_REVIEW_KIND_LIST } from './lists.js';

/** The access follow-up page. */
export function AccessReviewPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AccessReviewRow['kind']>('outside_caseload');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState({ kind, from, to });
  const rows = useLoad(
    () => accessReviewApi.report(query.kind, query.from || undefined, query.to || undefined),
    [query],
  );
  const show = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ kind, from, to });
  };
  return (
    <>
      <PageHeading title={t('accessReview.title')} />
      <p className="lead">{t('accessReview.intro')}</p>
      <form onSubmit={show} className="filters" noValidate aria-label={t('accessReview.kind')}>
        <div className="field-row">
          <SelectField
            id="review-kind"
            label={t('accessReview.kind')}
            value={kind}
            onChange={setKind}
            options={ACCESS_REVIEW_KIND_LIST.map((k) => ({ value: k, label: t(`accessReview.kinds.${k}`) }))}
          />
          <TextField id="review-from" label={t('accessReview.from')} type="date" value={from} onChange={setFrom} />
          <TextField id="review-to" label={t('accessReview.to')} type="date" value={to} onChange={setTo} />
        </div>
        <button type="submit" className="button">
          {t('accessReview.show')}
        </button>
      </form>
      <ProblemAlert error={rows.error} />
      {rows.data ? <ReviewTable kind={query.kind} rows={rows.data} onChanged={rows.reload} /> : <Loading />}
      <EmergencyHoursForm />
      <KaaUnitsForm />
    </>
  );
}

function ReviewTable({
  kind,
  rows,
  onChanged,
}: {
  kind: AccessReviewRow['kind'];
  rows: AccessReviewRow[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = (r: AccessReviewRow) => {
    if (!r.detail) return '';
    if (r.kind === 'outside_caseload') return t(`accessReview.basis.${r.detail}`, { defaultValue: r.detail });
    if (r.kind === 'night') return t('accessReview.firstAt', { time: r.detail });
    return r.detail;
  };
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption>{t('accessReview.caption', { kind: t(`accessReview.kinds.${kind}`) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accessReview.columns.day')}</th>
            <th scope="col">{t('accessReview.columns.actor')}</th>
            <th scope="col">{t('accessReview.columns.person')}</th>
            <th scope="col">{t('accessReview.columns.reads')}</th>
            <th scope="col">{t('accessReview.columns.detail')}</th>
            <th scope="col">{t('accessReview.columns.reviewed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6}>{t('accessReview.empty')}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr
                key={`${r.actor.id}-${r.person?.id ?? ''}-${r.day}`}
                className={r.kind === 'emergency' || r.detail === 'emergency' ? 'row--emergency' : undefined}
              >
                <td className="nowrap">{format.date(r.day)}</td>
                <td>{r.actor.name}</td>
                <td>{r.person ? r.person.name : <span className="muted">{t('common.missing')}</span>}</td>
                <td>{r.reads}</td>
                <td>{detail(r)}</td>
                <td>
                  {r.reviewed ? (
                    t('accessReview.reviewedBy', { by: r.reviewed.by, date: format.date(r.reviewed.at) })
                  ) : (
                    <MarkReviewed row={r} onMarked={onChanged} />
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function MarkReviewed({ row, onMarked }: { row: AccessReviewRow; onMarked: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={busy}
      aria-label={
        `${t('accessReview.markReviewed')}: ${row.actor.name}` +
        `${row.person ? `, ${row.person.name}` : ''}, ${row.day}`
      }
      onClick={async () => {
        setBusy(true);
        try {
          await accessReviewApi.markReviewed(row, null);
          await onMarked();
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('accessReview.markReviewed')}
    </button>
  );
}
