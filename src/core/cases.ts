/** Cases (domain: one open case per person in the register). Zod-free, so server, web and event schemas share it. */

/** Case statuses, in the order work moves through them. */
export const CASE_STATUSES = ['new', 'contacting', 'active', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
