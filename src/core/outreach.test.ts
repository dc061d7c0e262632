import { describe, expect, it } from 'vitest';
import { addDays, DEFAULT_OUTREACH_SETTINGS, isUnder18, ladderFor, outcomesFor, proposeNextStep, type AttemptFact } from './outreach.js';

const settings = DEFAULT_OUTREACH_SETTINGS;
const propose = (attempts: AttemptFact[], extra: Partial<{ fromSchool: boolean; under18: boolean }> = {}) =>
  proposeNextStep({ enteredOn: '2026-03-02', fromSchool: false, under18: false, attempts, settings, ...extra });

describe('the contact ladder', () => {
  it('asks the leaving school first for someone who dropped out, then the cooperation team', () => {
    expect(propose([], { fromSchool: true })).toEqual({ channel: 'verify_school', dueOn: '2026-03-02' });
    expect(propose([{ channel: 'verify_school', outcome: 'dropout_confirmed', on: '2026-03-03' }], { fromSchool: true })).toEqual({ channel: 'known_elsewhere', dueOn: '2026-03-03' });
  });

  it('starts with a phone call on the day the checks are done', () => {
    expect(propose([{ channel: 'known_elsewhere', outcome: 'not_known', on: '2026-03-04' }])).toEqual({ channel: 'phone', dueOn: '2026-03-04' });
  });

  it('skips the checks once the ladder has started', () => {
    expect(propose([{ channel: 'phone', outcome: 'no_answer', on: '2026-03-02' }], { fromSchool: true })).toEqual({ channel: 'sms', dueOn: '2026-03-03' });
  });

  it('moves to the rung after the furthest one tried, after that rung’s wait', () => {
    const attempts: AttemptFact[] = [
      { channel: 'phone', outcome: 'no_answer', on: '2026-03-02' },
      { channel: 'sms', outcome: 'message_left', on: '2026-03-03' },
      { channel: 'phone', outcome: 'no_answer', on: '2026-03-05' },
    ];
    expect(propose(attempts)).toEqual({ channel: 'letter', dueOn: addDays('2026-03-05', 3) });
  });

  it('repeats the last rung when the ladder is used up', () => {
    expect(propose([{ channel: 'announced_home_visit', outcome: 'no_answer', on: '2026-04-01' }])).toEqual({ channel: 'announced_home_visit', dueOn: '2026-04-08' });
  });

  it('proposes nothing once the person is reached or declines', () => {
    expect(propose([{ channel: 'phone', outcome: 'reached', on: '2026-03-02' }])).toBeNull();
    expect(propose([{ channel: 'sms', outcome: 'declined', on: '2026-03-02' }])).toBeNull();
  });

  it('phones the guardian right after the young person when they are under 18', () => {
    expect(ladderFor(settings, true).map((s) => s.channel).slice(0, 3)).toEqual(['phone', 'phone_guardian', 'sms']);
    expect(ladderFor(settings, false).map((s) => s.channel)).not.toContain('phone_guardian');
    expect(propose([{ channel: 'phone', outcome: 'no_answer', on: '2026-03-02' }], { under18: true })).toEqual({ channel: 'phone_guardian', dueOn: '2026-03-02' });
  });

  it('follows a municipality’s own order and waits', () => {
    const own = { ladder: [{ channel: 'sms' as const, waitDays: 0 }, { channel: 'letter' as const, waitDays: 10 }] };
    expect(proposeNextStep({ enteredOn: '2026-03-02', fromSchool: false, under18: false, attempts: [{ channel: 'sms', outcome: 'no_answer', on: '2026-03-02' }], settings: own })).toEqual({ channel: 'letter', dueOn: '2026-03-12' });
  });
});

describe('outcomes and ages', () => {
  it('lets the check steps have their own outcomes', () => {
    expect(outcomesFor('verify_school')).toContain('dropout_confirmed');
    expect(outcomesFor('verify_school')).not.toContain('reached');
    expect(outcomesFor('letter')).toContain('returned_mail');
  });

  it('counts someone as under 18 until their 18th birthday', () => {
    expect(isUnder18('2008-05-10', '2026-05-09')).toBe(true);
    expect(isUnder18('2008-05-10', '2026-05-10')).toBe(false);
  });
});
