import { describe, expect, it } from 'vitest';
import { consentState, eventCategory, looksSensitive } from './consent.js';

describe('consentState', () => {
  it('is valid without an end, and until the end date itself', () => {
    expect(consentState({ withdrawnAt: null, validUntil: null }, '2026-11-25')).toBe('valid');
    expect(consentState({ withdrawnAt: null, validUntil: '2026-11-25' }, '2026-11-25')).toBe('valid');
  });
  it('is expired the day after its end date, and withdrawn once withdrawn whatever the date', () => {
    expect(consentState({ withdrawnAt: null, validUntil: '2026-11-24' }, '2026-11-25')).toBe('expired');
    expect(consentState({ withdrawnAt: '2026-11-20T10:00:00Z', validUntil: '2027-01-01' }, '2026-11-25')).toBe(
      'withdrawn',
    );
  });
});

describe('eventCategory', () => {
  it("keeps a note's own category; other notes are assessment and plan, the rest contact and occupation", () => {
    expect(eventCategory('note', 'health_social')).toBe('health_social');
    expect(eventCategory('note', null)).toBe('assessment_plan');
    expect(eventCategory('contact_attempt', null)).toBe('contact_occupation');
  });
});

describe('looksSensitive', () => {
  it('flags health and social words in Swedish and English, at the start of a word', () => {
    expect(looksSensitive('Har fått en ADHD-diagnos i våras.')).toBe(true);
    expect(looksSensitive('Mår dåligt, psykisk ohälsa.')).toBe(true);
    expect(looksSensitive('Talked about anxiety.')).toBe(true);
  });
  it('leaves plain notes about studies and work alone', () => {
    expect(looksSensitive('Bokade studiebesök på folkhögskolan. Adressen är ny.')).toBe(false);
    expect(looksSensitive('Vill prova praktik inom handel.')).toBe(false);
  });
});
