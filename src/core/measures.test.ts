import { describe, expect, it } from 'vitest';
import {
  formatOrganisationNumber,
  isMeasureEnding,
  isOrganisationNumber,
  luhnValid,
  measureDateProblems,
  referralCategory,
  referralProblems,
  REFERRAL_AGENCIES,
} from './measures.js';

describe('organisation numbers', () => {
  it('accepts ten digits whose last is the Luhn check digit, written with or without a hyphen', () => {
    expect(isOrganisationNumber('556036-0793')).toBe(true);
    expect(isOrganisationNumber('2120001355')).toBe(true);
    expect(isOrganisationNumber(' 212000 1355 ')).toBe(true);
  });

  it('refuses a wrong check digit, too few or too many digits, and letters', () => {
    expect(isOrganisationNumber('556036-0794')).toBe(false);
    expect(isOrganisationNumber('55603607')).toBe(false);
    expect(isOrganisationNumber('55603607931')).toBe(false);
    expect(isOrganisationNumber('556036-079X')).toBe(false);
    expect(isOrganisationNumber('')).toBe(false);
  });

  it("accepts a sole trader's twelve-digit personal identity number when its last ten pass the check", () => {
    expect(isOrganisationNumber('19121212-1212')).toBe(true);
    expect(isOrganisationNumber('19121212-1213')).toBe(false);
  });

  it('computes Luhn as Skatteverket does', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
  });

  it('writes a number the usual way', () => {
    expect(formatOrganisationNumber('5560360793')).toBe('556036-0793');
  });
});

describe('measure dates and ending', () => {
  const base = { startsOn: '2026-12-01', plannedEndOn: null, endedOn: null, endReason: null };

  it('accepts a running measure and one ended on its first day with a reason', () => {
    expect(measureDateProblems(base)).toEqual([]);
    expect(measureDateProblems({ ...base, endedOn: '2026-12-01', endReason: 'declined' })).toEqual([]);
  });

  it('refuses a planned or actual end before the start, naming the field', () => {
    expect(measureDateProblems({ ...base, plannedEndOn: '2026-11-30' })).toEqual([
      { field: 'plannedEndOn', code: 'end_before_start' },
    ]);
    expect(measureDateProblems({ ...base, endedOn: '2026-11-30', endReason: 'completed' })).toEqual([
      { field: 'endedOn', code: 'end_before_start' },
    ]);
  });

  it('asks why a measure ended, and refuses a reason for one that has not', () => {
    expect(measureDateProblems({ ...base, endedOn: '2026-12-10' })).toEqual([{ field: 'endReason', code: 'required' }]);
    expect(measureDateProblems({ ...base, endReason: 'completed' })).toEqual([{ field: 'endReason', code: 'invalid' }]);
  });

  it('refuses a follow-up before the start', () => {
    expect(measureDateProblems({ ...base, followUps: [{ on: '2026-11-01' }] })).toEqual([
      { field: 'followUps', code: 'end_before_start' },
    ]);
  });

  it('counts a running measure as ending when its planned end is from today up to the last day ahead', () => {
    expect(isMeasureEnding({ plannedEndOn: '2026-12-06', endedOn: null }, '2026-12-06', '2026-12-20')).toBe(true);
    expect(isMeasureEnding({ plannedEndOn: '2026-12-20', endedOn: null }, '2026-12-06', '2026-12-20')).toBe(true);
    expect(isMeasureEnding({ plannedEndOn: '2026-12-21', endedOn: null }, '2026-12-06', '2026-12-20')).toBe(false);
    expect(isMeasureEnding({ plannedEndOn: '2026-12-05', endedOn: null }, '2026-12-06', '2026-12-20')).toBe(false);
    expect(isMeasureEnding({ plannedEndOn: '2026-12-10', endedOn: '2026-12-04' }, '2026-12-06', '2026-12-20')).toBe(
      false,
    );
  });
});

describe('referrals', () => {
  it('puts referrals that reveal health or social matters in the health and social category', () => {
    expect(Object.fromEntries(REFERRAL_AGENCIES.map((a) => [a, referralCategory(a)]))).toEqual({
      employment_service: 'assessment_plan',
      social_services: 'health_social',
      health_care: 'health_social',
      addiction_care: 'health_social',
      youth_clinic: 'health_social',
      other: 'assessment_plan',
    });
  });

  it('asks for the outcome of an ended or declined referral, and refuses a first visit before it was sent', () => {
    expect(referralProblems({ status: 'ended', outcome: null, sentOn: '2026-12-01', firstVisitOn: null })).toEqual([
      { field: 'outcome', code: 'required' },
    ]);
    expect(
      referralProblems({ status: 'declined', outcome: 'Ville inte', sentOn: '2026-12-01', firstVisitOn: null }),
    ).toEqual([]);
    expect(
      referralProblems({ status: 'sent', outcome: null, sentOn: '2026-12-01', firstVisitOn: '2026-11-30' }),
    ).toEqual([{ field: 'firstVisitOn', code: 'end_before_start' }]);
  });
});
