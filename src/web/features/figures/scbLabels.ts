/** Where each SCB block's Lotsa codes are named in i18n (the return's page and the list of its persons). */
import type { ScbBlock } from '../../../core/scb.js';

export const SCB_CODE_LABELS: Record<ScbBlock, string> = {
  registrations: 'register.entry',
  contacts: 'contact.occupations',
  measures_started: 'offers.kinds',
  measures_ended: 'measures.endReasons',
  deregistrations: 'register.leave',
};
