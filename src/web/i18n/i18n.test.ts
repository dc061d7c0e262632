import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../core/errors.js';
import en from './en.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

/** Every key path of a nested object of texts, as a.b.c. */
const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('the interface texts', () => {
  it('say the same things in Swedish and English', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
  });

  it('explain every error code the server can answer, in the words the server uses', () => {
    for (const [code, text] of Object.entries(ERRORS)) {
      expect((sv.errors as Record<string, string>)[code], code).toBe(text.sv);
      expect((en.errors as Record<string, string>)[code], code).toBe(text.en);
    }
  });
});
