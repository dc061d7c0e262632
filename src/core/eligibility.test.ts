import { describe, expect, it } from 'vitest';
import {
  eligibility,
  pastCompulsorySchoolAge,
  withinKaaAge,
  type EnrolmentFacts,
  type PersonFacts,
} from './eligibility.js';
import { parseIdentityNumber } from './personnummer.js';

const M = '1402';
const DAY = '2026-11-25';
const finishedGR: EnrolmentFacts = {
  schoolType: 'GR',
  startDate: '2016-08-15',
  endDate: '2025-06-10',
  endReason: 'completed',
  qualification: 'none',
};
const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  birthDate: '2009-03-14',
  municipalityCode: M,
  registeredSince: '2009-03-20',
  enrolments: [finishedGR],
  ...over,
});
const gy = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  schoolType: 'GY',
  startDate: '2025-08-18',
  endDate: null,
  endReason: null,
  qualification: null,
  ...over,
});

describe('rule registeredInMunicipality', () => {
  it('leaves out a person registered elsewhere or missing from the newest population list (moved out)', () => {
    expect(eligibility(person({ municipalityCode: '1480' }), M, DAY)).toEqual({
      inRegister: false,
      failedRule: 'registeredInMunicipality',
      leaveReason: 'moved_out',
    });
    expect(eligibility(person({ municipalityCode: null }), M, DAY)).toMatchObject({
      failedRule: 'registeredInMunicipality',
    });
  });
});

describe('rule under20', () => {
  it('ends on the 20th birthday, not the day before', () => {
    const p = person({ birthDate: '2006-11-25' });
    expect(eligibility(p, M, '2026-11-24').inRegister).toBe(true);
    expect(eligibility(p, M, '2026-11-25')).toEqual({
      inRegister: false,
      failedRule: 'under20',
      leaveReason: 'turned_20',
    });
  });
});

describe('rule finishedCompulsorySchool', () => {
  it('keeps out a pupil still in compulsory school', () => {
    const p = person({ enrolments: [{ ...finishedGR, endDate: null, endReason: null }] });
    expect(eligibility(p, M, DAY)).toMatchObject({ inRegister: false, failedRule: 'finishedCompulsorySchool' });
  });

  it('counts someone past compulsory-school age who left compulsory school without completing it', () => {
    const left = { ...finishedGR, endReason: 'interrupted' as const };
    expect(eligibility(person({ enrolments: [left] }), M, DAY)).toEqual({ inRegister: true, reason: 'never_started' });
  });

  it('counts a completed anpassad grundskola (GRAN) like grundskola', () => {
    expect(eligibility(person({ enrolments: [{ ...finishedGR, schoolType: 'GRAN' }] }), M, DAY).inRegister).toBe(true);
  });

  it('lets in someone without any compulsory-school enrolment once past compulsory-school age', () => {
    expect(pastCompulsorySchoolAge('2009-03-14', '2025-06-30')).toBe(false);
    expect(pastCompulsorySchoolAge('2009-03-14', '2025-07-01')).toBe(true);
    expect(eligibility(person({ enrolments: [], registeredSince: '2026-02-01' }), M, DAY)).toEqual({
      inRegister: true,
      reason: 'moved_in',
    });
    expect(eligibility(person({ birthDate: '2011-01-05', enrolments: [] }), M, DAY)).toMatchObject({
      failedRule: 'finishedCompulsorySchool',
    });
  });
});

describe('rule notInUpperSecondary', () => {
  it('keeps out a student in an active GY or GYAN enrolment', () => {
    expect(eligibility(person({ enrolments: [finishedGR, gy()] }), M, DAY)).toEqual({
      inRegister: false,
      failedRule: 'notInUpperSecondary',
      leaveReason: 'started_upper_secondary',
    });
    expect(eligibility(person({ enrolments: [finishedGR, gy({ schoolType: 'GYAN' })] }), M, DAY).inRegister).toBe(
      false,
    );
  });

  it('counts an introduction programme as being in school', () => {
    const intro = gy({ schoolType: 'GY', startDate: '2025-08-18' });
    expect(eligibility(person({ enrolments: [finishedGR, { ...intro }] }), M, DAY).inRegister).toBe(false);
  });

  it('ignores an enrolment that starts after the date, and adult education (VUX) or folk high school', () => {
    expect(eligibility(person({ enrolments: [finishedGR, gy({ startDate: '2027-01-10' })] }), M, DAY).inRegister).toBe(
      true,
    );
    expect(
      eligibility(person({ enrolments: [finishedGR, gy({ schoolType: 'VUX' }), gy({ schoolType: 'FHSK' })] }), M, DAY)
        .inRegister,
    ).toBe(true);
  });
});

describe('rule noQualification', () => {
  it('keeps out anyone with an examen, gymnasiesärskolebevis or equivalent', () => {
    for (const qualification of ['examen', 'gymnasiesarskolebevis', 'equivalent'] as const) {
      const done = gy({ endDate: '2026-06-12', endReason: 'completed', qualification });
      expect(eligibility(person({ enrolments: [finishedGR, done] }), M, DAY)).toEqual({
        inRegister: false,
        failedRule: 'noQualification',
        leaveReason: 'completed',
      });
    }
  });

  it('keeps in someone who left with a studiebevis only', () => {
    const done = gy({ endDate: '2026-06-12', endReason: 'completed', qualification: 'studiebevis' });
    expect(eligibility(person({ enrolments: [finishedGR, done] }), M, DAY)).toEqual({
      inRegister: true,
      reason: 'certificate_only',
    });
  });
});

describe('entry reasons', () => {
  it('says dropped out for an interrupted upper-secondary enrolment', () => {
    const dropped = gy({ endDate: '2026-03-01', endReason: 'interrupted', qualification: 'none' });
    expect(eligibility(person({ enrolments: [finishedGR, dropped] }), M, DAY)).toEqual({
      inRegister: true,
      reason: 'dropped_out',
    });
  });

  it('says never started when compulsory school ended and no upper-secondary enrolment followed', () => {
    expect(eligibility(person(), M, DAY)).toEqual({ inRegister: true, reason: 'never_started' });
  });

  it('says moved in when the person was registered here after becoming eligible elsewhere', () => {
    const dropped = gy({ endDate: '2026-03-01', endReason: 'interrupted', qualification: 'none' });
    expect(eligibility(person({ enrolments: [finishedGR, dropped], registeredSince: '2026-05-02' }), M, DAY)).toEqual({
      inRegister: true,
      reason: 'moved_in',
    });
  });
});

describe('withinKaaAge: identity numbers judged by age', () => {
  it('takes "070101+2395" as born in 1907, outside the KAA, and the same digits with "-" as born in 2007', () => {
    const today = new Date('2026-12-06T12:00:00Z');
    const old = parseIdentityNumber('070101+2395', today);
    const young = parseIdentityNumber('070101-2395', today);
    expect(old.ok && old.value.birthDate).toBe('1907-01-01');
    expect(withinKaaAge('1907-01-01', '2026-12-06')).toBe(false);
    expect(young.ok && young.value.birthDate).toBe('2007-01-01');
    expect(withinKaaAge('2007-01-01', '2026-12-06')).toBe(true);
  });

  it('ends on the 20th birthday and does not begin before birth', () => {
    expect(withinKaaAge('2006-12-06', '2026-12-05')).toBe(true);
    expect(withinKaaAge('2006-12-06', '2026-12-06')).toBe(false);
    expect(withinKaaAge('2027-01-01', '2026-12-06')).toBe(false);
  });
});
