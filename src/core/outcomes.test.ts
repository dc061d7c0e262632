import { describe, expect, it } from 'vitest';
import {
  addMonths,
  closingProblem,
  followUpsAfter,
  genderOf,
  measureEndReasonForOutcome,
  occupationForOutcome,
  OUTCOME_CODES,
  participantFromAssessment,
  takesOnAgain,
} from './outcomes.js';

const facts = { outcome: 'work', closedOn: '2026-11-30', openedOn: '2026-09-01', today: '2026-12-06' };

describe('closingProblem: what a closing may say', () => {
  it('accepts a known outcome on a day between opening and today, both ends included', () => {
    expect(closingProblem(facts)).toBeNull();
    expect(closingProblem({ ...facts, closedOn: '2026-09-01' })).toBeNull();
    expect(closingProblem({ ...facts, closedOn: '2026-12-06' })).toBeNull();
  });
  it('names the outcome when the code is not in the list', () => {
    expect(closingProblem({ ...facts, outcome: 'graduated' })).toEqual({ field: 'outcome', code: 'invalid' });
  });
  it('names the closing day when it is before the case opened, after today or no day at all', () => {
    expect(closingProblem({ ...facts, closedOn: '2026-08-31' })).toEqual({
      field: 'closedOn',
      code: 'before_case_opened',
    });
    expect(closingProblem({ ...facts, closedOn: '2026-12-07' })).toEqual({ field: 'closedOn', code: 'in_future' });
    expect(closingProblem({ ...facts, closedOn: '2026-02-30' })).toEqual({ field: 'closedOn', code: 'invalid' });
  });
  it('lets only studies carry a study form', () => {
    expect(closingProblem({ ...facts, outcome: 'studies', studyForm: 'komvux' })).toBeNull();
    expect(closingProblem({ ...facts, studyForm: 'komvux' })).toEqual({ field: 'studyForm', code: 'invalid' });
  });
});

describe('the outcome code list', () => {
  it('holds the ten codes the interface names, in order', () => {
    expect(OUTCOME_CODES).toEqual([
      'work',
      'studies',
      'employment_service',
      'other_authority',
      'care',
      'moved',
      'turned_20',
      'declined',
      'never_reached',
      'other',
    ]);
  });
  it('implies an occupation at closure only for work and studies', () => {
    expect(occupationForOutcome('work')).toBe('work');
    expect(occupationForOutcome('studies')).toBe('education');
    expect(occupationForOutcome('moved')).toBe('unknown');
  });
  it('ends running measures with a reason that fits the outcome', () => {
    expect(measureEndReasonForOutcome('work')).toBe('moved_on_work');
    expect(measureEndReasonForOutcome('studies')).toBe('moved_on_studies');
    expect(measureEndReasonForOutcome('declined')).toBe('declined');
    expect(measureEndReasonForOutcome('turned_20')).toBe('other');
  });
});

describe('follow-up after closure', () => {
  it('falls due the given months after closing, on the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-06', 12)).toBe('2027-12-06');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });
  it('plans one follow-up per distinct positive month count, earliest first', () => {
    expect(followUpsAfter('2026-12-06', [12, 6, 6, 0])).toEqual([
      { months: 6, dueOn: '2027-06-06' },
      { months: 12, dueOn: '2027-12-06' },
    ]);
  });
  it('takes the young person on again only when back without occupation', () => {
    expect(takesOnAgain('back_without_occupation')).toBe(true);
    expect(takesOnAgain('not_reached')).toBe(false);
  });
});

describe('genderOf: the legal gender digit', () => {
  it('reads odd as male and even as female from the eleventh digit', () => {
    expect(genderOf('200001012384')).toBe('female');
    expect(genderOf('200001011493')).toBe('male');
    expect(genderOf('200001012392')).toBe('male');
  });
});

describe('participantFromAssessment: what a completed assessment fills in on its case', () => {
  const kase = { upperSecondaryDiploma: 'unknown' as const, documentedProblems: ['social'] };
  it('takes a known diploma answer and keeps the case value for unknown or no answer', () => {
    expect(participantFromAssessment(kase, { diploma: 'no', needs: [] }).upperSecondaryDiploma).toBe('no');
    const known = participantFromAssessment(
      { ...kase, upperSecondaryDiploma: 'yes' },
      { diploma: 'unknown', needs: null },
    );
    expect(known.upperSecondaryDiploma).toBe('yes');
  });
  it("joins the needs, in the case's codes, to the problems already documented", () => {
    const needs = ['mental_ill_health', 'social_problems'] as const;
    const filled = participantFromAssessment(kase, { diploma: null, needs });
    expect(filled.documentedProblems).toEqual(['mental_health', 'social']);
  });
});
