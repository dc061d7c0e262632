import { describe, expect, it } from 'vitest';
import { containsIdentityNumber, containsPlaceholder } from './message-safety.js';

describe('identity numbers in message text', () => {
  it('finds them in every form a person might type', () => {
    for (const text of [
      '121212-1212',
      '1212121212',
      '19121212-1212',
      '191212121212',
      '121212+1212',
      '121212 1212',
      '19121212 1212',
      '12 12 12-1212',
      '12 12 12 1212',
      '121212 - 1212',
      '121212\u20131212',
      'kl 14 hos 121212 1212',
    ]) {
      expect(containsIdentityNumber(text), text).toBe(true);
    }
  });

  it('leaves dates, times and phone numbers written the usual way alone', () => {
    for (const text of [
      'måndag 7 december kl. 14.00',
      '2026-12-07 14:00',
      '7/12 kl 14',
      '070-123 45 67',
      '031-365 00 00',
      'tisdag 10:30',
    ]) {
      expect(containsIdentityNumber(text), text).toBe(false);
    }
  });

  it('finds placeholders', () => {
    expect(containsPlaceholder('kl {{name}}')).toBe(true);
    expect(containsPlaceholder('kl 14')).toBe(false);
  });
});
