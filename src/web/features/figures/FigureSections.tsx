/** The sections of the figures page: outcomes, outreach, measures and status now; each table exports. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  outcomeCasesPath,
  reportUrl,
  type OutcomeCell,
  type ChannelFiguresView,
  type FigureFilter,
  type MeasureFiguresView,
  type OutcomeReportView,
  type StatusFiguresView,
} from '../../api/figureEndpoints.js';
import { useFormat } from '../../i18n/format.js';
import { CapacityForm } from './CapacityForm.js';
import { FigureTable } from './FigureTable.js';
import type { Series } from './FigureChart.js';

const FigureChart = lazy(() => import('./FigureChart.js'));

type Cell = number | string | null | undefined;
/** A count for a chart: a hidden small cell ("<3") draws as nothing. */
const num = (v: Cell) => (typeof v === 'number' ? v : null);
const FEMALE = '#8a2f7a';
const MALE = '#1d5fa6';
const OTHER = '#2b7a3d';

function useCells() {
  const format = useFormat();
  const { t } = useTranslation();
  return {
    count: (v: Cell) => (typeof v === 'number' ? format.number(v) : v === null || v === undefined ? '–' : v),
    pct: (v: number | null | undefined) =>
      v === null || v === undefined ? '–' : `${format.number(Math.round(v * 1000) / 10)} %`,
    kr: (v: number | null | undefined) =>
      v === null || v === undefined ? '–' : t('figuresPage.kronor', { amount: format.number(v) }),
    days: (v: number | null | undefined) => (v === null || v === undefined ? '–' : format.number(v)),
  };
}

function Chart({
  title,
  type,
  data,
  xKey,
  series,
  stacked,
}: {
  title: string;
  type: 'bar' | 'line';
  data: Record<string, Cell>[];
  xKey: string;
  series: Series[];
  stacked?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <figure className="figure">
      <figcaption>
        {title} <span className="muted">{t('figuresPage.chartAlternative')}</span>
      </figcaption>
      <Suspense fallback={null}>
        <FigureChart
          type={type}
          data={data as Record<string, string | number | null>[]}
          xKey={xKey}
          series={series}
          stacked={stacked}
        />
      </Suspense>
    </figure>
  );
}

/** The outcome table (Partille's and more), outcomes by gender and time to outcome. */
export function OutcomeSection({
  report,
  filter,
  traceable = false,
}: {
  report: OutcomeReportView;
  filter: FigureFilter;
  /** The reader may browse persons: each outcome's count links to the cases behind it. */
  traceable?: boolean;
}) {
  const { t } = useTranslation();
  const c = useCells();
  /** A count that links to its cases, for a reader who may see them; 0 and every count for others as text. */
  const traced = (v: Cell, what: string, outcome?: string, targetGroup?: string, cell?: OutcomeCell) =>
    traceable && v !== 0 && v !== null && v !== undefined ? (
      <Link
        to={outcomeCasesPath(targetGroup ? { ...filter, targetGroup } : filter, outcome, cell)}
        aria-label={t('figuresPage.outcomes.showCases', { count: c.count(v), what })}
      >
        {c.count(v)}
      </Link>
    ) : (
      c.count(v)
    );
  const outcomes = Object.entries(report.byOutcome);
  const genders = ['female', 'male'] as const;
  const medians = (['toFirstContact', 'toAssessment', 'toFirstMeasure', 'toOutcome'] as const).map((k) => ({
    key: k,
    step: t(`figuresPage.medians.${k}`),
    days: report.medianDays[k],
  }));
  /** A median that links to the cases it is taken over (0 days is a median too), for a reader who may see them. */
  const tracedMedian = (m: (typeof medians)[number]) =>
    traceable && m.days !== null && m.days !== undefined ? (
      <Link
        to={outcomeCasesPath(filter, undefined, { median: m.key })}
        aria-label={`${c.days(m.days)}: ${t('figuresPage.medians.showCases', { what: m.step })}`}
      >
        {c.days(m.days)}
      </Link>
    ) : (
      c.days(m.days)
    );
  const sw = report.studiesOrWork;
  const swLabel = t('figuresPage.outcomes.studiesOrWork', { months: sw.months, target: Math.round(sw.target * 100) });
  // The share's denominator is all closed (its own row); the rest, closed but not on in time, links here.
  const rest = typeof report.closed === 'number' && typeof sw.count === 'number' ? report.closed - sw.count : null;
  return (
    <section className="panel" aria-labelledby="fig-outcomes">
      <h2 id="fig-outcomes">{t('figuresPage.outcomes.title')}</h2>
      <p>
        {t('figuresPage.outcomes.closed', {
          count: typeof report.closed === 'number' ? report.closed : 0,
          shown: c.count(report.closed),
        })}
      </p>
      <FigureTable
        caption={t('figuresPage.outcomes.table')}
        head={[
          t('figuresPage.outcomes.outcome'),
          t('figuresPage.total'),
          t('figuresPage.female'),
          t('figuresPage.male'),
        ]}
        rows={[
          ...outcomes.map(([code, v]) => [
            t(`outcomes.codes.${code}`),
            traced(v.total, t(`outcomes.codes.${code}`), code),
            ...genders.map((g) =>
              traced(v[g], `${t(`outcomes.codes.${code}`)}, ${t(`figuresPage.${g}`)}`, code, undefined, { gender: g }),
            ),
          ]),
          [
            t('figuresPage.outcomes.allClosed'),
            traced(report.closed, t('figuresPage.outcomes.allClosed')),
            ...genders.map((g) =>
              traced(
                report.byGender[g],
                `${t('figuresPage.outcomes.allClosed')}, ${t(`figuresPage.${g}`)}`,
                undefined,
                undefined,
                { gender: g },
              ),
            ),
          ],
          ...Object.entries(report.byTargetGroup).map(([g, v]) => [
            t(`outcomes.targetGroups.${g}`),
            traced(v, t(`outcomes.targetGroups.${g}`), undefined, g),
            '',
            '',
          ]),
          ...(
            [
              ['withoutDiploma', report.withoutDiploma, { diploma: 'no' }],
              ['diplomaUnknown', report.diplomaUnknown, { diploma: 'unknown' }],
              ['documentedProblems', report.documentedProblems, { documentedProblems: 'true' }],
            ] as const
          ).map(([key, v, cell]) => [
            t(`figuresPage.outcomes.${key}`),
            traced(v, t(`figuresPage.outcomes.${key}`), undefined, undefined, cell),
            '',
            '',
          ]),
          [
            swLabel,
            traced(sw.count, swLabel, undefined, undefined, { onTime: 'true' }),
            c.pct(sw.share),
            traceable && rest ? (
              <Link to={outcomeCasesPath(filter, undefined, { onTime: 'false' })}>
                {t('figuresPage.outcomes.notInTime', { count: rest })}
              </Link>
            ) : (
              ''
            ),
          ],
        ]}
        exportUrl={(f) => reportUrl('outcomes', filter, f)}
      />
      <Chart
        title={t('figuresPage.charts.byGender')}
        type="bar"
        xKey="label"
        stacked
        data={outcomes.map(([code, v]) => ({
          label: t(`outcomes.codes.${code}`),
          female: num(v.female),
          male: num(v.male),
        }))}
        series={[
          { key: 'female', label: t('figuresPage.female'), color: FEMALE },
          { key: 'male', label: t('figuresPage.male'), color: MALE },
        ]}
      />
      <FigureTable
        caption={t('figuresPage.medians.table')}
        head={[t('figuresPage.medians.step'), t('figuresPage.medians.days')]}
        rows={medians.map((m) => [m.step, tracedMedian(m)])}
      />
      <Chart
        title={t('figuresPage.charts.timeToOutcome')}
        type="bar"
        xKey="step"
        data={medians}
        series={[{ key: 'days', label: t('figuresPage.medians.days'), color: OTHER }]}
      />
    </section>
  );
}

/** The register and share reached per month, and reach per channel of the ladder. */
export function OutreachSection({ figures, filter }: { figures: ChannelFiguresView; filter: FigureFilter }) {
  const { t } = useTranslation();
  const c = useCells();
  return (
    <section className="panel" aria-labelledby="fig-outreach">
      <h2 id="fig-outreach">{t('figuresPage.outreach.title')}</h2>
      <Chart
        title={t('figuresPage.charts.trend')}
        type="line"
        xKey="month"
        data={figures.months.map((m) => ({ month: m.month, inRegister: num(m.inRegister), reached: num(m.reached) }))}
        series={[
          { key: 'inRegister', label: t('figuresPage.outreach.inRegister'), color: MALE },
          { key: 'reached', label: t('figuresPage.outreach.reached'), color: OTHER },
        ]}
      />
      <FigureTable
        caption={t('figuresPage.outreach.trendTable')}
        head={[
          t('figuresPage.outreach.month'),
          t('figuresPage.outreach.inRegister'),
          t('figuresPage.outreach.reached'),
          t('figuresPage.outreach.reachedShare'),
        ]}
        rows={figures.months.map((m) => [m.month, c.count(m.inRegister), c.count(m.reached), c.pct(m.reachedShare)])}
      />
      <Chart
        title={t('figuresPage.charts.channels')}
        type="bar"
        xKey="label"
        data={figures.channels.map((ch) => ({
          label: t(`contact.channels.${ch.channel}`),
          attempts: num(ch.attempts),
          reached: num(ch.reached),
        }))}
        series={[
          { key: 'attempts', label: t('figuresPage.outreach.attempts'), color: MALE },
          { key: 'reached', label: t('figuresPage.outreach.reached'), color: OTHER },
        ]}
      />
      <FigureTable
        caption={t('figuresPage.outreach.channelTable')}
        head={[
          t('figuresPage.outreach.channel'),
          t('figuresPage.outreach.attempts'),
          t('figuresPage.outreach.reached'),
          t('figuresPage.outreach.reachedShare'),
          t('figuresPage.outreach.persons'),
          t('figuresPage.outreach.personsReached'),
        ]}
        rows={figures.channels.map((ch) => [
          t(`contact.channels.${ch.channel}`),
          c.count(ch.attempts),
          c.count(ch.reached),
          c.pct(ch.reachedShare),
          c.count(ch.persons),
          c.count(ch.personsReached),
        ])}
        exportUrl={(f) => reportUrl('outreach', filter, f)}
      />
    </section>
  );
}

/** Measures per offer with their cost, beside the cost of one young person lost to society. */
export function MeasuresSection({ figures, filter }: { figures: MeasureFiguresView; filter: FigureFilter }) {
  const { t } = useTranslation();
  const c = useCells();
  return (
    <section className="panel" aria-labelledby="fig-measures">
      <h2 id="fig-measures">{t('figuresPage.measures.title')}</h2>
      <FigureTable
        caption={t('figuresPage.measures.table')}
        head={[
          'offer',
          'participants',
          'completed',
          'interrupted',
          'outcomes',
          'cost',
          'costPerParticipant',
          'costPerOutcome',
        ].map((k) => t(`figuresPage.measures.${k}`))}
        rows={[
          ...figures.offers.map((o) => [
            o.name,
            c.count(o.participants),
            c.count(o.completed),
            c.count(o.interrupted),
            c.count(o.outcomes),
            c.kr(o.cost),
            c.kr(o.costPerParticipant),
            c.kr(o.costPerOutcome),
          ]),
          [
            t('figuresPage.total'),
            c.count(figures.total.participants),
            c.count(figures.total.completed),
            c.count(figures.total.interrupted),
            c.count(figures.total.outcomes),
            c.kr(figures.total.cost),
            '',
            '',
          ],
        ]}
        exportUrl={(f) => reportUrl('measures', filter, f)}
      />
      <p>
        {t('figuresPage.measures.lostYoungPerson', {
          cost: c.kr(figures.lostYoungPersonCost),
          total: c.kr(figures.total.cost),
          share: figures.costInLostYoungPersons,
        })}
      </p>
    </section>
  );
}

/** Participants on a day by status, gender and target group; caseload per contact person against capacity. */
export function StatusSection({
  figures,
  filter,
  editCapacity,
}: {
  figures: StatusFiguresView;
  filter: FigureFilter;
  /** A coordinator sets each contact person's capacity in the table. */
  editCapacity: boolean;
}) {
  const { t } = useTranslation();
  const c = useCells();
  return (
    <section className="panel" aria-labelledby="fig-status">
      <h2 id="fig-status">{t('figuresPage.status.title', { day: figures.on })}</h2>
      <FigureTable
        caption={t('figuresPage.status.table')}
        head={[t('figuresPage.status.group'), t('figuresPage.total'), t('figuresPage.female'), t('figuresPage.male')]}
        rows={[
          ...Object.entries(figures.byStatus).map(([s, v]) => [
            t(`status.${s}`),
            c.count(v.total),
            c.count(v.female),
            c.count(v.male),
          ]),
          [
            t('figuresPage.status.participants'),
            c.count(figures.participants),
            c.count(figures.byGender.female),
            c.count(figures.byGender.male),
          ],
          ...Object.entries(figures.byTargetGroup).map(([g, v]) => [
            t(`outcomes.targetGroups.${g}`),
            c.count(v),
            '',
            '',
          ]),
        ]}
        exportUrl={(f) => reportUrl('status', filter, f)}
      />
      <FigureTable
        caption={t('figuresPage.status.caseloadTable')}
        head={[
          t('figuresPage.status.contactPerson'),
          t('figuresPage.status.open'),
          t('figuresPage.status.capacity'),
          t('figuresPage.status.load'),
          ...(editCapacity ? [t('figuresPage.status.setCapacity')] : []),
        ]}
        rows={figures.caseload.map((r) => [
          r.contactPerson ? r.contactPerson.name : t('figuresPage.status.noContactPerson'),
          c.count(r.open),
          r.capacity === null ? '–' : c.count(r.capacity),
          r.overCapacity ? t('figuresPage.status.over', { load: c.pct(r.load) }) : c.pct(r.load),
          ...(editCapacity
            ? [r.contactPerson ? <CapacityForm staff={r.contactPerson} capacity={r.capacity} /> : '']
            : []),
        ])}
      />
    </section>
  );
}
