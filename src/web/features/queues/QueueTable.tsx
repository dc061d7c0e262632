/** The persons in one queue: name (to the focused next-step view), next step and when it is due. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatIdentityNumber } from '../../../core/personnummer.js';
import type { QueueItem, QueueKey, QueueSort } from '../../../core/outreach-schemas.js';
import { SortableHeader } from '../../components/SortableHeader.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { isPlanQueue, PlanFollowUp } from '../plans/PlanQueueCell.js';
import { nextStepCell } from './nextStepCell.js';

type Sorting = { sort: QueueSort; order: 'asc' | 'desc'; onSort: (sort: QueueSort, order: 'asc' | 'desc') => void };
type Props = {
  queue: QueueKey;
  listing: URLSearchParams;
  items: QueueItem[];
  selectable: boolean;
  selected: Set<string>;
  onToggle: (personId: string) => void;
  onToggleAll: () => void;
} & Sorting;

/** The queue table, sortable by its columns; with `selectable`, each row has a checkbox for bulk assignment. */
export function QueueTable({
  queue,
  listing,
  items,
  selectable,
  selected,
  onToggle,
  onToggleAll,
  sort,
  order,
  onSort,
}: Props) {
  const { t } = useTranslation();
  const header = (column: QueueSort, label: string) => (
    <SortableHeader column={column} label={label} sort={sort} order={order} onSort={onSort} />
  );
  const format = useFormat();
  const today = todayIso();
  const nextStepText = (i: QueueItem) => {
    const cell = nextStepCell(queue, i);
    const text = t(cell.key, cell.values);
    return cell.muted ? <span className="muted">{text}</span> : text;
  };
  const name = (i: QueueItem) => t('persons.fullName', { given: i.givenName, family: i.familyName });
  return (
    <div
      className="table-wrap"
      tabIndex={0}
      role="region"
      aria-label={t('queues.tableCaption', { name: t(`queues.names.${queue}`) })}
    >
      <table className="table">
        <caption className="visually-hidden">{t('queues.tableCaption', { name: t(`queues.names.${queue}`) })}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('queues.bulk.selectAll')}
                  checked={items.length > 0 && items.every((i) => selected.has(i.personId))}
                  onChange={onToggleAll}
                />
              </th>
            ) : null}
            {header('name', t('queues.columns.name'))}
            <th scope="col">{t('queues.columns.identityNumber')}</th>
            {header('contactPerson', t('queues.columns.contactPerson'))}
            {header('entered', t('queues.columns.enteredOn'))}
            {header('lastAttempt', t('queues.columns.lastAttempt'))}
            <th scope="col">{t('queues.columns.nextStep')}</th>
            {header(
              'due',
              queue === 'home-visits'
                ? t('queues.columns.plannedAt')
                : queue === 'measure-ending'
                  ? t('queues.columns.measureEndsOn')
                  : queue === 'follow-up-due'
                    ? t('plan.fields.planFollowUpOn')
                    : queue === 'closure-follow-up'
                      ? t('outcomes.followUpDueOn')
                      : t('queues.columns.dueOn'),
            )}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={selectable ? 8 : 7}>{t('queues.empty')}</td>
            </tr>
          ) : (
            items.map((i) => (
              <tr key={i.personId}>
                {selectable ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('queues.bulk.select', { name: name(i) })}
                      checked={selected.has(i.personId)}
                      onChange={() => onToggle(i.personId)}
                    />
                  </td>
                ) : null}
                <th scope="row">
                  <Link
                    to={
                      queue === 'measure-ending' || queue === 'closure-follow-up'
                        ? `/persons/${i.personId}`
                        : isPlanQueue(queue) && i.caseId
                          ? `/cases/${i.caseId}/plan`
                          : `/persons/${i.personId}/outreach?${new URLSearchParams([['queue', queue], ...listing])}`
                    }
                  >
                    {name(i)}
                  </Link>
                </th>
                <td className="nowrap">{formatIdentityNumber(i.personalIdentityNumber)}</td>
                <td>{i.contactPerson ? i.contactPerson.name : <span className="muted">{t('queues.none')}</span>}</td>
                <td className="nowrap">{i.enteredOn ? format.date(i.enteredOn) : ''}</td>
                <td className="nowrap">
                  {i.lastAttemptAt ? (
                    format.date(i.lastAttemptAt)
                  ) : (
                    <span className="muted">{t('personFilters.noAttempt')}</span>
                  )}
                </td>
                <td>{nextStepText(i)}</td>
                <td className="nowrap">
                  {queue === 'follow-up-due' ? (
                    <PlanFollowUp on={i.planFollowUpOn ?? null} today={today} />
                  ) : queue === 'measure-ending' ? (
                    i.measureEndsOn ? (
                      format.date(i.measureEndsOn)
                    ) : (
                      ''
                    )
                  ) : queue === 'closure-follow-up' ? (
                    i.closureFollowUp ? (
                      format.date(i.closureFollowUp.dueOn)
                    ) : (
                      ''
                    )
                  ) : (
                    <>
                      {queue === 'home-visits' && i.plannedAt
                        ? format.dateTime(i.plannedAt)
                        : i.nextStep
                          ? format.date(i.nextStep.dueOn)
                          : ''}
                      {queue !== 'home-visits' && i.nextStep && i.nextStep.dueOn < today ? (
                        <span className="badge badge--overdue">{t('queues.overdue')}</span>
                      ) : null}
                    </>
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
