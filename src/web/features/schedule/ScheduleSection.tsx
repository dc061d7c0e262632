/**
 * "Veckoschema" on the person page: the young person's week, day by day, built from their meetings,
 * measures with hours, activities and the contact person's additions; earlier and later weeks; the
 * week as a PDF to print for the young person; and, for those who work on the person, adding to
 * the week, removing additions and the young person's own calendar subscription.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addWeeks, formatIsoWeek, parseIsoWeek } from '../../../core/iso-week.js';
import type { ScheduleItem } from '../../../core/schedule-schemas.js';
import { ApiError } from '../../api/client.js';
import { scheduleApi, scheduleKeys } from '../../api/scheduleEndpoints.js';
import { ProblemAlert } from '../../components/Alert.js';
import { localeOf } from '../../i18n/index.js';
import { AdditionForm } from './AdditionForm.js';
import { ScheduleFeedPanel } from './ScheduleFeedPanel.js';

const problem = (e: unknown) => (e instanceof ApiError ? e : null);

/** The section; shown to those who see the person's contact details or plan. */
export function ScheduleSection({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [week, setWeek] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const schedule = useQuery({
    queryKey: scheduleKeys.week(personId, week),
    queryFn: () => scheduleApi.week(personId, week),
  });
  const remove = useMutation({
    mutationFn: (additionId: string) => scheduleApi.remove(personId, additionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['persons', personId, 'schedule'] }),
  });
  const data = schedule.data;
  const locale = localeOf(i18n.language);
  const dayName = (day: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(day),
    );
  const shortDay = (day: string) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(day));
  const step = (weeks: number) => {
    const current = data ? parseIsoWeek(data.week) : null;
    if (current) setWeek(formatIsoWeek(addWeeks(current, weeks)));
  };

  const title = (item: ScheduleItem) => {
    if (item.kind === 'meeting') {
      const what = t(`schedule.meetingKinds.${item.detail ?? 'meeting'}`);
      return item.staffName ? t('schedule.withStaff', { what, name: item.staffName }) : what;
    }
    return item.title ?? '';
  };
  const when = (item: ScheduleItem) =>
    item.start
      ? item.end
        ? t('schedule.timeRange', { start: item.start, end: item.end })
        : item.start
      : t('schedule.allDay');

  const itemRow = (item: ScheduleItem) => (
    <li key={item.id} className={`schedule__item schedule__item--${item.kind} schedule__item--${item.status}`}>
      <span className="schedule__time">{when(item)}</span>{' '}
      <span className="badge badge--none">{t(`schedule.kinds.${item.kind}`)}</span>{' '}
      {item.status === 'planned' ? null : <strong>{t(`schedule.statuses.${item.status}`)}: </strong>}
      <span className={item.status === 'cancelled' ? 'schedule__cancelled' : undefined}>{title(item)}</span>
      {item.place ? <span className="small"> · {item.place}</span> : null}
      {item.movedFrom ? (
        <span className="block small">
          {t('schedule.movedFrom', { day: dayName(item.movedFrom.day), time: item.movedFrom.start ?? '' })}
        </span>
      ) : null}
      {item.removable ? (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={remove.isPending}
          onClick={() => remove.mutate(item.sourceId)}
          aria-label={t('schedule.removeLabel', { title: title(item), day: dayName(item.day) })}
        >
          {t('schedule.remove')}
        </button>
      ) : null}
    </li>
  );

  return (
    <section className="panel schedule" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('schedule.title')}</h2>
      <ProblemAlert error={problem(schedule.error) ?? problem(remove.error)} />
      {data ? (
        <>
          <div className="schedule__nav">
            <button type="button" className="button button--secondary" onClick={() => step(-1)}>
              {t('schedule.previous')}
            </button>
            <p className="schedule__week" aria-live="polite">
              {t('schedule.weekOf', {
                week: parseIsoWeek(data.week)?.week,
                from: shortDay(data.days[0]!),
                to: shortDay(data.days[6]!),
              })}
            </p>
            <button type="button" className="button button--secondary" onClick={() => step(1)}>
              {t('schedule.next')}
            </button>
          </div>
          {data.withheld ? <p className="muted">{t('schedule.withheld')}</p> : null}
          <ol className="plain-list schedule__days">
            {data.days.map((day) => {
              const items = data.items.filter((i) => i.day === day);
              const holiday = data.holidays.find((h) => h.day === day);
              return (
                <li key={day} className="schedule__day">
                  <h3>{dayName(day)}</h3>
                  {holiday ? <p className="small">{t('schedule.holiday', { name: holiday.name })}</p> : null}
                  {items.length ? (
                    <ul className="plain-list">{items.map(itemRow)}</ul>
                  ) : (
                    <p className="muted small">{t('schedule.nothing')}</p>
                  )}
                </li>
              );
            })}
          </ol>
          {data.measuresWithoutHours.length ? (
            <p className="small">
              {t('schedule.withoutHours', { measures: data.measuresWithoutHours.map((m) => m.title).join(', ') })}
            </p>
          ) : null}
          <p className="button-row">
            <a
              className="button button--secondary"
              href={scheduleApi.pdfUrl(personId, data.week, 'sv')}
              target="_blank"
              rel="noreferrer"
            >
              {t('schedule.pdfSv')}
            </a>
            <a
              className="button button--secondary"
              href={scheduleApi.pdfUrl(personId, data.week, 'en')}
              target="_blank"
              rel="noreferrer"
            >
              {t('schedule.pdfEn')}
            </a>
            {data.mayChange && !adding ? (
              <button type="button" id="schedule-add" className="button" onClick={() => setAdding(true)}>
                {t('schedule.add')}
              </button>
            ) : null}
          </p>
          {data.mayChange && adding ? (
            <AdditionForm
              personId={personId}
              firstDay={data.days[0]!}
              onDone={() => {
                setAdding(false);
                requestAnimationFrame(() => document.getElementById('schedule-add')?.focus());
              }}
            />
          ) : null}
          {data.mayChange ? <ScheduleFeedPanel personId={personId} /> : null}
        </>
      ) : null}
    </section>
  );
}
