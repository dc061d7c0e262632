import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ageOn, birthDateOf, formatIdentityNumber, parseIdentityNumber } from './personnummer.js';

type MetaEntry = {
  integer: number;
  long_format: string;
  short_format: string;
  separated_format: string;
  separated_long: string;
  valid: boolean;
  type: 'ssn' | 'con';
};

const meta: MetaEntry[] = JSON.parse(
  readFileSync(new URL('./testdata/personnummer-meta-list.json', import.meta.url), 'utf8'),
);
const skatteverket = readFileSync(
  new URL('../../reference/skatteverket-testpersonnummer-2000-2009.csv', import.meta.url),
  'utf8',
)
  .split('\n')
  .slice(1)
  .filter(Boolean);
const today = new Date('2026-11-25T12:00:00Z');

describe('personnummer conformance list', () => {
  for (const entry of meta) {
    it(`judges ${entry.separated_long} as ${entry.valid ? 'valid' : 'invalid'} in every format`, () => {
      for (const form of [
        entry.long_format,
        entry.short_format,
        entry.separated_format,
        entry.separated_long,
        String(entry.integer),
      ]) {
        expect(parseIdentityNumber(form, today).ok, form).toBe(entry.valid);
      }
    });
    if (entry.valid) {
      it(`reads ${entry.separated_format} as a ${entry.type} number in the right century`, () => {
        const parsed = parseIdentityNumber(entry.separated_format, today);
        expect(parsed.ok && parsed.value.kind).toBe(entry.type === 'con' ? 'coordination' : 'personal');
        expect(parsed.ok && parsed.value.canonical).toBe(entry.long_format);
      });
    }
  }
});

describe('Skatteverket test numbers 2000-2009', () => {
  it('accepts all 7,323 numbers and keeps them canonical', () => {
    expect(skatteverket).toHaveLength(7323);
    const rejected = skatteverket.filter((n) => {
      const r = parseIdentityNumber(n, today);
      return !r.ok || r.value.canonical !== n;
    });
    expect(rejected).toEqual([]);
  });

  it('rejects each of them with one digit of the checksum changed', () => {
    const broken = skatteverket.slice(0, 200).map((n) => n.slice(0, 11) + ((Number(n[11]) + 1) % 10));
    expect(broken.filter((n) => parseIdentityNumber(n, today).ok)).toEqual([]);
    expect(parseIdentityNumber(broken[0]!, today)).toEqual({ ok: false, error: 'checksum' });
  });
});

describe('parseIdentityNumber rules', () => {
  it('puts a ten-digit number in the century that makes the person younger than 100', () => {
    const r = parseIdentityNumber('0001012384', today);
    expect(r.ok && r.value.canonical).toBe('200001012384');
  });

  it('moves a ten-digit number with "+" back a century', () => {
    const r = parseIdentityNumber('090527+1474', today);
    expect(r.ok && r.value.canonical).toBe('190905271474');
  });

  it('rejects a date that does not exist', () => {
    expect(parseIdentityNumber('20010229-0000', today)).toEqual({ ok: false, error: 'date' });
  });

  it('rejects letters, missing digits and stray separators', () => {
    expect(parseIdentityNumber('200001012384 ', today).ok).toBe(true);
    expect(parseIdentityNumber('2000010-12384', today)).toEqual({ ok: false, error: 'format' });
    expect(parseIdentityNumber('2000O1012384', today)).toEqual({ ok: false, error: 'format' });
  });

  it('reads day plus 60 as a coordination number with the real birth date', () => {
    const r = parseIdentityNumber('20210791-9967', today);
    expect(r).toEqual({
      ok: true,
      value: { canonical: '202107919967', kind: 'coordination', birthDate: '2021-07-31' },
    });
  });
});

describe('formatting and age', () => {
  it('reads the birth date out of a canonical number, as parsing does, for every test number', () => {
    for (const line of skatteverket) {
      const parsed = parseIdentityNumber(line.split(',')[0]!, today);
      if (parsed.ok) expect(birthDateOf(parsed.value.canonical)).toBe(parsed.value.birthDate);
    }
    expect(birthDateOf('202107919967')).toBe('2021-07-31');
  });

  it('formats with a hyphen before the last four digits', () => {
    expect(formatIdentityNumber('200001012384')).toBe('20000101-2384');
  });

  it('counts age in whole years, turning on the birthday', () => {
    expect(ageOn('2006-11-25', today)).toBe(20);
    expect(ageOn('2006-11-26', today)).toBe(19);
  });
});
