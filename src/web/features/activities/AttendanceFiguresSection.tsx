/**
 * On the figures page: attendance in group activities over the page's period: per activity the sessions held, the
 * statuses, the rate and anonymous visits, and the young people counted by the band of their own rate. Counts only
 * (`GET /reports/attendance`); both tables export to CSV and XLSX.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAX_RANGE_DAYS } from '../../../core/activities.js';
import { RATE_BANDS } from '../../../core/attendance-figures.js';
import { addDays } from '../../../core/outreach.js';
import { activitiesApi, activityKeys } from '../../api/activityEndpoints.js';
import { ApiError } from '../../api/client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';
import { FigureTable } from '../figures/FigureTable.js';

type Cell = number | string | null;

/** The section for the period `from`–`to`. */
export function AttendanceFiguresSection({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const fits = from <= to && to <= addDays(from, MAX_RANGE_DAYS);
  const figures = useQuery({
    queryKey: activityKeys.figures(from, to),
    queryFn: () => activitiesApi.attendanceFigures(from, to),
    enabled: fits,
  });
  const count = (v: Cell) => (typeof v === 'number' ? format.number(v) : (v ?? '–'));
  const pct = (v: number | null) => (v === null ? '–' : `${format.number(Math.round(v * 1000) / 10)} %`);
  const exportUrl = (f: 'csv' | 'xlsx') =>
    activitiesApi.attendanceFiguresUrl(from, to, f, i18n.language === 'en' ? 'en' : 'sv');
  const data = figures.data;
  const keys = ['sessions', 'present', 'late', 'absent', 'excused', 'rate', 'anonymousVisits', 'youngPeople'];
  return (
    <section className="panel" aria-labelledby="fig-attendance">
      <h2 id="fig-attendance">{t('activities.figures.title')}</h2>
      <p>{t('activities.figures.intro')}</p>
      {!fits ? <Alert tone="info">{t('activities.figures.tooLong')}</Alert> : null}
      <ProblemAlert error={figures.error instanceof ApiError ? figures.error : null} />
      {fits && figures.isPending ? <Loading /> : null}
      {data && data.activities.length === 0 ? <p className="muted">{t('activities.figures.none')}</p> : null}
      {data && data.activities.length > 0 ? (
        <>
          <FigureTable
            caption={t('activities.figures.table')}
            head={['activity', ...keys].map((k) => t(`activities.figures.${k}`))}
            rows={[
              ...data.activities.map((a) => [
                a.title,
                count(a.sessions),
                count(a.present),
                count(a.late),
                count(a.absent),
                count(a.excused),
                pct(a.rate),
                count(a.anonymousVisits),
                count(a.youngPeople),
              ]),
              [
                t('figuresPage.total'),
                '',
                '',
                '',
                '',
                '',
                pct(data.totals.rate),
                count(data.totals.anonymousVisits),
                count(data.totals.youngPeople),
              ],
            ]}
            exportUrl={exportUrl}
          />
          <FigureTable
            caption={t('activities.figures.bandsTable')}
            head={[t('activities.figures.band'), t('activities.figures.count')]}
            rows={RATE_BANDS.map((b) => [t(`activities.figures.bands.${b}`), count(data.youngPeople[b])])}
          />
        </>
      ) : null}
    </section>
  );
}
