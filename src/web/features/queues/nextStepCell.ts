/** What a queue row's next-step column says: the ladder's channel, the follow-up after closure, or "reached". */
import type { QueueItem, QueueKey } from '../../../core/outreach-schemas.js';

/** An i18n key with its values; `muted` when it says that nothing is next. */
export type NextStepCell = { key: string; values?: Record<string, unknown>; muted: boolean };

/** The next-step cell of `item` in `queue`. */
export function nextStepCell(queue: QueueKey, item: QueueItem): NextStepCell {
  if (queue === 'closure-follow-up' && item.closureFollowUp)
    return { key: 'outcomes.followUpTitle', values: { months: item.closureFollowUp.months }, muted: false };
  if (item.nextStep) return { key: `contact.channels.${item.nextStep.channel}`, muted: false };
  return { key: 'queues.reached', muted: true };
}
