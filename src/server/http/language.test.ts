import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language.js';

describe('pickLanguage', () => {
  it('defaults to Swedish', () => {
    expect(pickLanguage(undefined)).toBe('sv');
    expect(pickLanguage('de-DE,fr;q=0.8')).toBe('sv');
  });

  it('chooses English when it ranks above Swedish', () => {
    expect(pickLanguage('en-GB,en;q=0.9,sv;q=0.5')).toBe('en');
    expect(pickLanguage('sv;q=0.4,en;q=0.6')).toBe('en');
    expect(pickLanguage('sv-SE,en;q=0.9')).toBe('sv');
  });
});
