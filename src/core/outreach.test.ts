import { describe, expect, it } from 'vitest';
import {
  addDays,
  attemptProblem,
  DEFAULT_OUTREACH_SETTINGS,
  isConversation,
  isUnder18,
  ladderFor,
  outcomesFor,
  proposeNextStep,
  type AttemptFact,
} from './outreach.js';

const settings = DEFAULT_OUTREACH_SETTINGS;
const propose = (attempts: AttemptFact[], extra: Partial<{ fromSchool: boolean; under18: boolean }> = {}) =>
  proposeNextStep({ enteredOn: '2026-03-02', fromSchool: false, under18: false, attempts, settings, ...extra });

describe('the contact ladder', () => {
  it('asks the leaving school first for someone who dropped out, then the cooperation team', () => {
    expect(propose([], { fromSchool: true })).toEqual({ channel: 'verify_school', dueOn: '2026-03-02' });
    expect(
      propose([{ channel: 'verify_school', outcome: 'dropout_confirmed', on: '2026-03-03' }], { fromSchool: true }),
    ).toEqual({ channel: 'known_elsewhere', dueOn: '2026-03-03' });
  });

  it('starts with a phone call on the day the checks are done', () => {
    expect(propose([{ channel: 'known_elsewhere', outcome: 'not_known', on: '2026-03-04' }])).toEqual({
      channel: 'phone',
      dueOn: '2026-03-04',
    });
  });

  it('skips the checks once the ladder has started', () => {
    expect(propose([{ channel: 'phone', outcome: 'no_answer', on: '2026-03-02' }], { fromSchool: true })).toEqual({
      channel: 'sms',
      dueOn: '2026-03-03',
    });
  });

  it('moves to the rung after the furthest one tried, after that rung’s wait', () => {
    const attempts: AttemptFact[] = [
      { channel: 'phone', outcome: 'no_answer', on: '2026-03-02' },
      { channel: 'sms', outcome: 'sent', on: '2026-03-03' },
      { channel: 'phone', outcome: 'no_answer', on: '2026-03-05' },
    ];
    expect(propose(attempts)).toEqual({ channel: 'letter', dueOn: addDays('2026-03-05', 3) });
  });

  it('repeats the last rung when the ladder is used up', () => {
    expect(propose([{ channel: 'announced_home_visit', outcome: 'no_answer', on: '2026-04-01' }])).toEqual({
      channel: 'announced_home_visit',
      dueOn: '2026-04-08',
    });
  });

  it('proposes nothing once the person is reached or declines', () => {
    expect(propose([{ channel: 'phone', outcome: 'reached', on: '2026-03-02' }])).toBeNull();
    expect(propose([{ channel: 'sms', outcome: 'declined', on: '2026-03-02' }])).toBeNull();
  });

  it('phones the guardian right after the young person when they are under 18', () => {
    expect(
      ladderFor(settings, true)
        .map((s) => s.channel)
        .slice(0, 3),
    ).toEqual(['phone', 'phone_guardian', 'sms']);
    expect(ladderFor(settings, false).map((s) => s.channel)).not.toContain('phone_guardian');
    expect(propose([{ channel: 'phone', outcome: 'no_answer', on: '2026-03-02' }], { under18: true })).toEqual({
      channel: 'phone_guardian',
      dueOn: '2026-03-02',
    });
  });

  it('follows a municipality’s own order and waits', () => {
    const own = {
      ladder: [
        { channel: 'sms' as const, waitDays: 0 },
        { channel: 'letter' as const, waitDays: 10 },
      ],
    };
    expect(
      proposeNextStep({
        enteredOn: '2026-03-02',
        fromSchool: false,
        under18: false,
        attempts: [{ channel: 'sms', outcome: 'no_answer', on: '2026-03-02' }],
        settings: own,
      }),
    ).toEqual({ channel: 'letter', dueOn: '2026-03-12' });
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

describe('honest outcomes', () => {
  it('lets a letter only be sent or returned, and a text message only be sent or answered', () => {
    expect(outcomesFor('letter')).toEqual(['sent', 'returned_mail']);
    expect(outcomesFor('second_letter')).toEqual(['sent', 'returned_mail']);
    expect(outcomesFor('sms')).toEqual(['sent', 'replied']);
  });

  it('lets a home visit find nobody or meet someone, and a call reach, ring out, leave a message or be wrong', () => {
    expect(outcomesFor('home_visit')).toEqual(expect.arrayContaining(['nobody_home', 'met', 'met_guardian']));
    expect(outcomesFor('phone')).toEqual(
      expect.arrayContaining(['reached', 'no_answer', 'message_left', 'wrong_number']),
    );
    expect(outcomesFor('phone_guardian')).toContain('reached_guardian');
  });

  it('counts only a conversation (a guardian’s recorded as such) as reached, on no channel a written message', () => {
    for (const o of ['reached', 'reached_guardian', 'met', 'met_guardian', 'declined'])
      expect(isConversation(o), o).toBe(true);
    for (const o of ['sent', 'replied', 'returned_mail', 'message_left', 'no_answer', 'nobody_home', 'other'])
      expect(isConversation(o), o).toBe(false);
    for (const channel of ['letter', 'second_letter', 'sms', 'email', 'social_media'] as const)
      expect(outcomesFor(channel).some(isConversation), channel).toBe(false);
  });

  it('refuses no outcome, an outcome unfit for the channel, and an occupation without a conversation', () => {
    expect(attemptProblem({ channel: 'letter' })).toEqual({ field: 'outcome', code: 'required' });
    expect(attemptProblem({ channel: 'letter', outcome: null })).toEqual({ field: 'outcome', code: 'required' });
    expect(attemptProblem({ channel: 'letter', outcome: 'reached' })).toEqual({ field: 'outcome', code: 'invalid' });
    expect(attemptProblem({ channel: 'sms', outcome: 'sent', occupation: 'work' })).toEqual({
      field: 'occupation',
      code: 'invalid',
    });
    expect(attemptProblem({ channel: 'phone', outcome: 'no_answer', agreed: 'ses i morgon' })).toEqual({
      field: 'agreed',
      code: 'invalid',
    });
    expect(
      attemptProblem({ channel: 'home_visit', outcome: 'met', occupation: 'work', agreed: 'ses i morgon' }),
    ).toBeNull();
  });

  it('keeps proposing the ladder after a letter or a text message, and stops after a guardian conversation', () => {
    expect(propose([{ channel: 'sms', outcome: 'sent', on: '2026-03-02' }])).not.toBeNull();
    expect(propose([{ channel: 'letter', outcome: 'sent', on: '2026-03-02' }])).not.toBeNull();
    expect(
      propose([{ channel: 'phone_guardian', outcome: 'reached_guardian', on: '2026-03-02' }], { under18: true }),
    ).toBeNull();
  });
});
