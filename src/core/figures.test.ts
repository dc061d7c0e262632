import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ageBandOn,
  genderOf,
  median,
  onToStudiesOrWorkInTime,
  outcomeReport,
  seesSmallCells,
  seesSmallCellsInside,
  suppressMedians,
  suppressSmallCells,
  diplomaForFigures,
  diplomaFromRegister,
  type OutcomeGroup,
} from './figures.js';

// Skatteverket's test numbers: 200001012384 has gender digit 8 (female), 200001011493 has 9 (male).
describe('gender from the identity number', () => {
  it('reads an even gender digit as female and an odd one as male', () => {
    expect(genderOf('200001012384')).toBe('female');
    expect(genderOf('200001011493')).toBe('male');
  });
});

describe('age bands', () => {
  it('takes the age on the day the figure is about, the birthday counting from that day', () => {
    expect(ageBandOn('2008-06-15', '2026-06-14')).toBe('16_17');
    expect(ageBandOn('2008-06-15', '2026-06-15')).toBe('18_19');
    expect(ageBandOn('2006-06-15', '2026-06-15')).toBe('20_25');
    expect(ageBandOn('2000-06-15', '2026-06-15')).toBeNull();
    expect(ageBandOn('2011-01-01', '2026-06-15')).toBeNull();
  });
});

describe('medians', () => {
  it('takes the middle value, or the mean of the middle two, as PostgreSQL does; none of nothing', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 10, 4])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('on to studies or work within N months', () => {
  it('counts work and studies closed on or before the day N months after the start', () => {
    expect(onToStudiesOrWorkInTime({ outcome: 'work', startedOn: '2026-01-31', closedOn: '2026-06-30' }, 5)).toBe(true);
    expect(onToStudiesOrWorkInTime({ outcome: 'studies', startedOn: '2026-01-31', closedOn: '2026-07-01' }, 5)).toBe(
      false,
    );
    expect(
      onToStudiesOrWorkInTime({ outcome: 'employment_service', startedOn: '2026-01-31', closedOn: '2026-02-01' }, 5),
    ).toBe(false);
  });

  it('ends a month short of the day on its last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-10-15', 5)).toBe('2027-03-15');
  });
});

const group = (o: Partial<OutcomeGroup>): OutcomeGroup => ({
  outcome: 'work',
  gender: 'female',
  targetGroup: 'kaa',
  ageBand: '18_19',
  withoutDiploma: false,
  diplomaUnknown: false,
  documentedProblems: false,
  inTime: false,
  n: 1,
  ...o,
});
const medians = { toFirstContact: 4, toAssessment: 20, toFirstMeasure: 30, toOutcome: 100 };
const settings = { targetMonths: 5, targetShare: 0.6 };

describe('the outcome report', () => {
  it("gives Partille's table: outcomes by code and gender, every code present", () => {
    const r = outcomeReport({
      from: '2026-01-01',
      to: '2026-06-30',
      outcomeCodes: ['work', 'studies', 'declined'],
      groups: [
        group({ n: 3, inTime: true }),
        group({ gender: 'male', n: 2 }),
        group({ outcome: 'studies', gender: 'male', n: 1, inTime: true }),
      ],
      medians,
      settings,
    });
    expect(r.closed).toBe(6);
    expect(r.byOutcome).toEqual({
      work: { total: 5, female: 3, male: 2 },
      studies: { total: 1, female: 0, male: 1 },
      declined: { total: 0, female: 0, male: 0 },
    });
    expect(r.byGender).toEqual({ female: 3, male: 3 });
    expect(r.studiesOrWork).toEqual({ months: 5, target: 0.6, count: 4, share: 0.667, targetMet: true });
  });

  it('counts by target group, age band, without diploma and documented problems', () => {
    const r = outcomeReport({
      from: '2026-01-01',
      to: '2026-06-30',
      outcomeCodes: ['work'],
      groups: [
        group({ targetGroup: 'young_adult', ageBand: '20_25', withoutDiploma: true }),
        group({ ageBand: null, documentedProblems: true }),
        group({ ageBand: '16_17', withoutDiploma: true, documentedProblems: true }),
      ],
      medians,
      settings,
    });
    expect(r.byTargetGroup).toEqual({ kaa: 2, young_adult: 1, other: 0 });
    expect(r.byAgeBand).toEqual({ '16_17': 1, '18_19': 0, '20_25': 1, outside: 1 });
    expect([r.withoutDiploma, r.withoutDiplomaShare, r.documentedProblems]).toEqual([2, 0.667, 2]);
    expect(r.studiesOrWork.targetMet).toBe(false);
  });

  it('has no shares and no verdict on the target for a period in which nobody closed', () => {
    const r = outcomeReport({
      from: '2026-01-01',
      to: '2026-01-31',
      outcomeCodes: ['work'],
      groups: [],
      medians: { toFirstContact: null, toAssessment: null, toFirstMeasure: null, toOutcome: null },
      settings,
    });
    expect([r.closed, r.withoutDiplomaShare, r.studiesOrWork.share, r.studiesOrWork.targetMet]).toEqual([
      0,
      null,
      null,
      null,
    ]);
  });
});

describe('the diploma a figure counts', () => {
  const period = (enteredOn: string, leftOn: string | null = null, leaveReason: string | null = null) => ({
    enteredOn,
    leftOn,
    leaveReason,
  });

  it('reads the register: no while in it, yes once it left because a final qualification appeared', () => {
    expect(diplomaFromRegister([], '2026-03-01')).toBeNull();
    expect(diplomaFromRegister([period('2026-01-10')], '2026-03-01')).toBe('no');
    expect(diplomaFromRegister([period('2026-01-10', '2026-02-01', 'completed')], '2026-03-01')).toBe('yes');
    // Left the day after the closing, or for another reason: still no; entered after the day: nothing known.
    expect(diplomaFromRegister([period('2026-01-10', '2026-03-02', 'completed')], '2026-03-01')).toBe('no');
    expect(diplomaFromRegister([period('2026-01-10', '2026-02-01', 'turned_20')], '2026-03-01')).toBe('no');
    expect(diplomaFromRegister([period('2026-04-01')], '2026-03-01')).toBeNull();
  });

  it("puts the lists beside the case's own record: yes from either wins, then no, else unknown", () => {
    expect(diplomaForFigures('unknown', 'no')).toBe('no');
    expect(diplomaForFigures('unknown', 'yes')).toBe('yes');
    expect(diplomaForFigures('no', 'yes')).toBe('yes');
    expect(diplomaForFigures('yes', 'no')).toBe('yes');
    expect(diplomaForFigures('no', null)).toBe('no');
    expect(diplomaForFigures('unknown', null)).toBe('unknown');
  });

  it('counts the cases whose diploma nobody knows beside those without one', () => {
    const r = outcomeReport({
      from: '2026-01-01',
      to: '2026-06-30',
      outcomeCodes: ['work'],
      groups: [group({ withoutDiploma: true, n: 2 }), group({ diplomaUnknown: true, n: 3 }), group({ n: 5 })],
      medians,
      settings,
    });
    expect([r.withoutDiploma, r.withoutDiplomaShare, r.diplomaUnknown]).toEqual([2, 0.2, 3]);
  });
});

describe('small cells where figures leave the municipality', () => {
  it('shows 1 and 2 as "<3", keeps 0 and 3, and drops a share that would give a hidden count back', () => {
    const out = suppressSmallCells({
      closed: 7,
      none: 0,
      withoutDiploma: 1,
      withoutDiplomaShare: 0.143,
      studiesOrWork: { months: 5, count: 2, share: 0.286 },
    });
    expect(out).toEqual({
      closed: 7,
      none: 0,
      withoutDiploma: '<3',
      withoutDiplomaShare: null,
      studiesOrWork: { months: 5, count: '<3', share: null },
    });
  });

  it("lets only the municipality's own coordinator see small cells", () => {
    expect(seesSmallCells({ role: 'coordinator' })).toBe(true);
    expect(seesSmallCells({ role: 'manager' })).toBe(false);
    expect(seesSmallCells({ role: 'team_member' })).toBe(false);
  });

  it('shows small cells inside to the coordinator and managers, not to caseworkers of other agencies', () => {
    expect(seesSmallCellsInside({ role: 'manager' })).toBe(true);
    expect(seesSmallCellsInside({ role: 'team_member' })).toBe(false);
  });
});

describe('complementary suppression', () => {
  it('hides the next smallest cell when a partition has exactly one hidden cell: the total gives nothing back', () => {
    // closed 5, male 3, female 2: with only female hidden, 5 - 3 = 2.
    expect(suppressSmallCells({ closed: 5, byGender: { female: 2, male: 3 } })).toEqual({
      closed: 5,
      byGender: { female: '<3', male: '<3' },
    });
    const out = suppressSmallCells({ byTargetGroup: { kaa: 1, young_adult: 4, other: 9 } });
    expect(out).toEqual({ byTargetGroup: { kaa: '<3', young_adult: '<3', other: 9 } });
  });

  it('leaves a partition alone with no hidden cell, two hidden cells, or only zeros beside the hidden one', () => {
    expect(suppressSmallCells({ byGender: { female: 4, male: 3 } })).toEqual({ byGender: { female: 4, male: 3 } });
    expect(suppressSmallCells({ byTargetGroup: { kaa: 1, young_adult: 2, other: 9 } })).toEqual({
      byTargetGroup: { kaa: '<3', young_adult: '<3', other: 9 },
    });
    expect(suppressSmallCells({ closed: 2, byGender: { female: 2, male: 0 } })).toEqual({
      closed: '<3',
      byGender: { female: '<3', male: 0 },
    });
  });

  it('protects the rows and the columns of a table: a row by its total, a column by the sum of the rows', () => {
    const out = suppressSmallCells({
      closed: 14,
      byOutcome: {
        work: { total: 5, female: 2, male: 3 },
        studies: { total: 9, female: 4, male: 5 },
        other: { total: 0, female: 0, male: 0 },
      },
    });
    // Row work: female 2 hidden → male 3 hidden; the columns female and male then each have one hidden cell →
    // studies' female and male are hidden too; the total column has none hidden and stays.
    expect(out.byOutcome).toEqual({
      work: { total: 5, female: '<3', male: '<3' },
      studies: { total: 9, female: '<3', male: '<3' },
      other: { total: 0, female: 0, male: 0 },
    });
  });

  it('protects a caseload: one hidden contact person is not the participants minus the others', () => {
    const out = suppressSmallCells(
      {
        participants: 12,
        caseload: [
          { contactPerson: { id: 'a', name: 'A' }, open: 2, capacity: 1 },
          { contactPerson: { id: 'b', name: 'B' }, open: 4, capacity: 30 },
          { contactPerson: { id: 'c', name: 'C' }, open: 6, capacity: 30 },
        ],
      },
      ['contactPerson', 'capacity'],
    );
    expect(out.caseload.map((c) => c.open)).toEqual(['<3', '<3', 6]);
    expect(out.caseload.map((c) => c.capacity)).toEqual([1, 30, 30]);
  });
});

describe('complementary suppression of channels and offers', () => {
  it('hides a second rung when one small rung could be read off the total attempts', () => {
    // attempts 9 = phone 8 + home visit 1: with only the home visit hidden, 9 - 8 = 1 gives it back.
    const out = suppressSmallCells(
      {
        channels: [
          { channel: 'phone', attempts: 8, reached: 4 },
          { channel: 'announced_home_visit', attempts: 1, reached: 0 },
          { channel: 'sms', attempts: 0, reached: 0 },
        ],
        attempts: 9,
        reached: 4,
      },
      ['channel'],
    );
    expect(out.channels.map((c) => c.attempts)).toEqual(['<3', '<3', 0]);
    expect(out.channels.map((c) => c.reached)).toEqual([4, 0, 0]);
    expect([out.attempts, out.reached]).toEqual([9, 4]);
  });

  it('hides a second offer when one small offer could be read off the completed total', () => {
    const out = suppressSmallCells(
      {
        offers: [
          { name: 'Jobbcoachning', participants: 12, completed: 6, interrupted: 3, cost: 120_000 },
          { name: 'Hälsospår', participants: 4, completed: 1, interrupted: 0, cost: 5_600 },
          { name: 'Studiecirkel', participants: 5, completed: 4, interrupted: 0, cost: null },
        ],
        total: { participants: 21, completed: 11, interrupted: 3, cost: 125_600 },
      },
      ['name', 'cost'],
    );
    // completed: 11 - 6 - 4 = 1 would give Hälsospår back; the smallest other (Studiecirkel's 4) goes too.
    expect(out.offers.map((o) => o.completed)).toEqual([6, '<3', '<3']);
    expect(out.offers.map((o) => o.participants)).toEqual([12, 4, 5]);
    expect(out.offers.map((o) => o.cost)).toEqual([120_000, 5_600, null]);
    expect(out.total).toEqual({ participants: 21, completed: 11, interrupted: 3, cost: 125_600 });
  });
});

describe('medians where figures are suppressed', () => {
  it('drops a median that rests on fewer than 3 cases, and keeps one over 3 or more', () => {
    const medians = { toFirstContact: 4, toAssessment: 10, toFirstMeasure: 20, toOutcome: 30 };
    const cases = { toFirstContact: 3, toAssessment: 2, toFirstMeasure: 0, toOutcome: 1 };
    expect(suppressMedians(medians, cases)).toEqual({
      toFirstContact: 4,
      toAssessment: null,
      toFirstMeasure: null,
      toOutcome: null,
    });
  });
});
