import { describe, expect, it } from 'vitest';
import { channelFigures, monthsOf } from './channel-figures.js';
import {
  measureFigures,
  offerCost,
  suppressOfferMoney,
  type OfferCount,
  type ShownOfferFigure,
} from './measure-figures.js';
import { statusFigures, statusOn } from './status-figures.js';

describe('outreach by channel', () => {
  it('gives every rung of the ladder a row in the ladder order, with attempts, reached and the share', () => {
    const f = channelFigures({
      from: '2026-01-01',
      to: '2026-06-30',
      ladder: ['phone', 'sms', 'announced_home_visit'],
      counts: [
        { channel: 'field_meeting', attempts: 20, reached: 1, persons: 18, personsReached: 1 },
        { channel: 'announced_home_visit', attempts: 5, reached: 4, persons: 5, personsReached: 4 },
        { channel: 'phone', attempts: 10, reached: 3, persons: 6, personsReached: 3 },
      ],
    });
    expect(f.channels.slice(0, 3).map((c) => c.channel)).toEqual(['phone', 'sms', 'announced_home_visit']);
    expect(f.channels[1]).toMatchObject({ attempts: 0, reached: 0, reachedShare: null });
    expect(f.channels.find((c) => c.channel === 'field_meeting')).toMatchObject({
      attempts: 20,
      reached: 1,
      reachedShare: 0.05,
    });
    expect(f.channels.find((c) => c.channel === 'announced_home_visit')?.reachedShare).toBe(0.8);
    expect([f.attempts, f.reached]).toEqual([35, 8]);
  });

  it('leaves out the check steps, which are not attempts to reach anyone', () => {
    const f = channelFigures({
      from: '2026-01-01',
      to: '2026-01-31',
      ladder: ['verify_school', 'phone'],
      counts: [{ channel: 'verify_school', attempts: 9, reached: 0, persons: 9, personsReached: 0 }],
    });
    expect(f.channels.map((c) => c.channel)).not.toContain('verify_school');
    expect(f.attempts).toBe(0);
  });
});

const offer = (o: Partial<OfferCount>): OfferCount => ({
  offerId: 'o',
  name: 'Studiestöd',
  kind: 'guidance',
  costAmount: null,
  costUnit: null,
  participants: 0,
  started: 0,
  measureDays: 0,
  completed: 0,
  interrupted: 0,
  outcomes: 0,
  ...o,
});

describe('the register per month', () => {
  it('lists every month the period touches, across a year end, with the share reached at each month end', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('soon', 'later')).toEqual([]);
    const f = channelFigures({
      from: '2026-01-01',
      to: '2026-02-28',
      ladder: [],
      counts: [],
      register: [{ month: '2026-02', inRegister: 8, reached: 6 }],
    });
    expect(f.months).toEqual([
      { month: '2026-01', inRegister: 0, reached: 0, reachedShare: null },
      { month: '2026-02', inRegister: 8, reached: 6, reachedShare: 0.75 },
    ]);
  });
});

describe('measures per offer', () => {
  it('costs an offer per participant for each measure started, and per week for each seven days run', () => {
    expect(offerCost({ costAmount: 5000, costUnit: 'participant', started: 3, measureDays: 400 })).toBe(15_000);
    expect(offerCost({ costAmount: 700, costUnit: 'week', started: 3, measureDays: 21 })).toBe(2100);
    expect(offerCost({ costAmount: null, costUnit: null, started: 3, measureDays: 21 })).toBeNull();
  });

  it('gives the cost per participant and per outcome, and the total against a young person lost to society', () => {
    const f = measureFigures({
      from: '2026-01-01',
      to: '2026-06-30',
      offers: [
        offer({
          offerId: 'a',
          costAmount: 10_000,
          costUnit: 'participant',
          participants: 4,
          started: 4,
          completed: 2,
          interrupted: 1,
          outcomes: 2,
        }),
        offer({ offerId: 'b', costAmount: 1000, costUnit: 'week', participants: 2, measureDays: 70, outcomes: 0 }),
        offer({ offerId: 'c', participants: 1 }),
      ],
      distinctParticipants: 6,
      distinctOutcomes: 2,
      lostYoungPersonCost: 12_000_000,
    });
    expect(f.offers[0]).toMatchObject({
      cost: 40_000,
      costPerParticipant: 10_000,
      costPerOutcome: 20_000,
      completedShare: 0.667,
    });
    expect(f.offers[1]).toMatchObject({ cost: 10_000, costPerParticipant: 5000, costPerOutcome: null });
    expect(f.offers[2]).toMatchObject({ cost: null, costPerParticipant: null });
    expect(f.total).toEqual({ participants: 6, completed: 2, interrupted: 1, outcomes: 2, cost: 50_000 });
    expect(f.costInLostYoungPersons).toBe(0);
    expect(
      measureFigures({
        ...f,
        offers: [offer({ costAmount: 3_000_000, costUnit: 'participant', started: 2 })],
        distinctParticipants: 2,
        distinctOutcomes: 0,
        lostYoungPersonCost: 12_000_000,
      }).costInLostYoungPersons,
    ).toBe(0.5);
  });
});

describe('the money of offers beside suppressed counts', () => {
  const row = (o: Partial<ShownOfferFigure>): ShownOfferFigure => ({
    offerId: 'x',
    name: 'x',
    kind: 'other',
    costAmount: 1000,
    costUnit: 'participant',
    participants: 5,
    completed: 3,
    interrupted: 3,
    outcomes: 3,
    cost: 5000,
    costPerParticipant: 1000,
    costPerOutcome: 1667,
    completedShare: 0.5,
    ...o,
  });

  it("shows no cost of an offer with one or two participants, which would be those young persons' cost", () => {
    const [few, many] = suppressOfferMoney([
      row({ offerId: 'few', participants: '<3', cost: 2000, costPerParticipant: 1000, costPerOutcome: 2000 }),
      row({ offerId: 'many', outcomes: '<3', interrupted: '<3' }),
      row({ offerId: 'third', cost: 9000 }),
    ]);
    expect(few).toMatchObject({ cost: null, costPerParticipant: null, costPerOutcome: null });
    expect(many).toMatchObject({ cost: null, costPerParticipant: null, costPerOutcome: null, completedShare: null });
  });

  it('hides the next smallest cost when only one is hidden, so the total gives nothing back', () => {
    const shown = suppressOfferMoney([
      row({ offerId: 'few', participants: '<3', cost: 2000 }),
      row({ offerId: 'small', cost: 4000 }),
      row({ offerId: 'large', cost: 9000 }),
      row({ offerId: 'free', cost: null, costAmount: null, costUnit: null }),
    ]);
    expect(shown.map((o) => o.cost)).toEqual([null, null, 9000, null]);
    // Two hidden already, or a hidden offer without a cost: nothing more is hidden.
    const two = suppressOfferMoney([
      row({ participants: '<3', cost: 2000 }),
      row({ participants: '<3', cost: 1000 }),
      row({ cost: 4000 }),
    ]);
    expect(two.map((o) => o.cost)).toEqual([null, null, 4000]);
    const free = suppressOfferMoney([row({ participants: '<3', cost: null }), row({ cost: 4000 })]);
    expect(free.map((o) => o.cost)).toEqual([null, 4000]);
  });
});

describe('status now', () => {
  it('reads the latest status set by the day, and a new case as contacting once an attempt followed', () => {
    expect(statusOn({ lastSetTo: null, attemptedSince: false })).toBe('new');
    expect(statusOn({ lastSetTo: null, attemptedSince: true })).toBe('contacting');
    expect(statusOn({ lastSetTo: 'new', attemptedSince: true })).toBe('contacting');
    expect(statusOn({ lastSetTo: 'active', attemptedSince: true })).toBe('active');
    expect(statusOn({ lastSetTo: 'contacting', attemptedSince: false })).toBe('contacting');
  });

  it('counts participants by status, gender and target group, and each caseload against its capacity', () => {
    const f = statusFigures({
      on: '2026-06-01',
      groups: [
        { lastSetTo: null, attemptedSince: false, gender: 'female', targetGroup: 'kaa', n: 3 },
        { lastSetTo: 'active', attemptedSince: true, gender: 'male', targetGroup: 'young_adult', n: 2 },
        { lastSetTo: 'new', attemptedSince: true, gender: 'male', targetGroup: 'kaa', n: 1 },
      ],
      caseload: [
        { contactPerson: { id: 's1', name: 'Coach' }, open: 5, capacity: 4 },
        { contactPerson: { id: 's2', name: 'Other' }, open: 1, capacity: null },
        { contactPerson: null, open: 0, capacity: null },
      ],
      defaultCapacity: 20,
    });
    expect(f.participants).toBe(6);
    expect(f.byStatus).toEqual({
      new: { total: 3, female: 3, male: 0 },
      contacting: { total: 1, female: 0, male: 1 },
      active: { total: 2, female: 0, male: 2 },
    });
    expect(f.byGender).toEqual({ female: 3, male: 3 });
    expect(f.byTargetGroup).toEqual({ kaa: 4, young_adult: 2, other: 0 });
    expect(f.caseload[0]).toMatchObject({ open: 5, capacity: 4, load: 1.25, overCapacity: true });
    expect(f.caseload[1]).toMatchObject({ capacity: 20, load: 0.05, overCapacity: false });
    expect(f.caseload[2]).toMatchObject({ capacity: null, load: null, overCapacity: false });
  });
});
