import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFESSIONS } from './professions.js';
import { cleanUnitName, unitNameKey } from './unit-rules.js';

describe('unit names', () => {
  it('count as the same whatever the letter case (å, ä and ö too) and extra spaces', () => {
    expect(unitNameKey(' Ungdomsmottagningen ')).toBe(unitNameKey('UNGDOMSMOTTAGNINGEN'));
    expect(unitNameKey('Socialtjänsten')).toBe(unitNameKey('SOCIALTJÄNSTEN'));
    expect(unitNameKey('Fritid  och   kultur')).toBe(unitNameKey('fritid och kultur'));
    expect(unitNameKey('Fritidsgården')).not.toBe(unitNameKey('Fritidsgarden'));
  });

  it('are stored trimmed with inner spaces folded to one, letter case kept', () => {
    expect(cleanUnitName('  Fritid  och kultur ')).toBe('Fritid och kultur');
  });
});

describe('professions', () => {
  it('are the eight of the code list', () => {
    expect(PROFESSIONS).toHaveLength(8);
    expect(new Set(PROFESSIONS)).toEqual(
      new Set([
        'study_career_counsellor',
        'counsellor',
        'social_worker',
        'field_worker',
        'job_coach',
        'employment_officer',
        'youth_coach',
        'other',
      ]),
    );
  });

  it("are the values the database's check constraint allows", () => {
    const migration = readFileSync(
      new URL('../server/db/migrations/20261207100000_units_active_staff_profession.ts', import.meta.url),
      'utf8',
    );
    const allowed = /profession in \(([^)]*)\)/
      .exec(migration)![1]!
      .match(/'([a-z_]+)'/g)!
      .map((q) => q.slice(1, -1));
    expect(allowed).toEqual([...PROFESSIONS]);
  });
});
