/** What the plan queues show in the queue table: a row leads to the plan; follow-up-due shows the follow-up date. */
import { useTranslation } from 'react-i18next';
import type { QueueKey } from '../../../core/outreach-schemas.js';
import { useFormat } from '../../i18n/format.js';

/** True for the queues whose work is the action plan (its row links to the plan page). */
export const isPlanQueue = (queue: QueueKey) => queue === 'plan-missing' || queue === 'follow-up-due';

/** The plan's first follow-up date, marked when it is already past. */
export function PlanFollowUp({ on, today }: { on: string | null; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!on) return null;
  return (
    <>
      {format.date(on)}
      {on < today ? <span className="badge badge--overdue">{t('queues.overdue')}</span> : null}
    </>
  );
}
