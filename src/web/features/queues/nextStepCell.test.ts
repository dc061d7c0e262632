import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../core/outreach-schemas.js';
import { nextStepCell } from './nextStepCell.js';

const item = (over: Partial<QueueItem>): QueueItem => ({
  personId: 'p',
  givenName: 'A',
  familyName: 'B',
  personalIdentityNumber: '200601012380',
  caseId: 'c',
  caseVersion: 1,
  contactPerson: null,
  enteredOn: null,
  lastAttemptAt: null,
  nextStep: null,
  plannedAt: null,
  measureEndsOn: null,
  ...over,
});

describe('The next-step cell of a queue row', () => {
  it('names the follow-up after closure in the closure-follow-up queue, never "reached"', () => {
    const row = item({ closureFollowUp: { id: 'f', caseId: 'c', months: 6, dueOn: '2026-06-01', version: 1 } });
    expect(nextStepCell('closure-follow-up', row)).toEqual({ key: 'outcomes.followUpTitle', values: { months: 6 }, muted: false });
  });

  it('names the channel of the next step, and reads "reached" only when a register queue has no next step', () => {
    const phone = item({ nextStep: { channel: 'phone', dueOn: '2026-06-01', overrideReason: null } });
    expect(nextStepCell('next-step-due', phone)).toEqual({ key: 'contact.channels.phone', muted: false });
    expect(nextStepCell('occupation-unknown', item({}))).toEqual({ key: 'queues.reached', muted: true });
  });
});
