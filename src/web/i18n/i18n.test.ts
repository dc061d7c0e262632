import { describe, expect, it } from 'vitest';
import { ERRORS, FIELD_MESSAGES } from '../../core/errors.js';
import { EVENT_TYPES } from '../../core/events/index.js';
import { resources } from './resources.js';
import en from './en.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

/** Every key path of a nested object of texts, as a.b.c. */
const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('the interface texts', () => {
  it('say the same things in Swedish and English', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
  });

  it('give every kind of timeline event a title in both languages', () => {
    for (const json of [sv, en]) {
      const titled = new Set([...Object.keys(json.events.types), ...Object.keys(json.consentEvents.types)]);
      expect(EVENT_TYPES.filter((type) => !titled.has(type))).toEqual([]);
    }
  });

  it('explain every error code the server can answer, in the words the server uses', () => {
    const errors = (lang: 'sv' | 'en') => resources[lang].translation.errors as Record<string, string>;
    for (const [code, text] of Object.entries(ERRORS)) {
      expect(errors('sv')[code], code).toBe(text.sv);
      expect(errors('en')[code], code).toBe(text.en);
    }
    expect(errors('sv').network_error).toBeTruthy();
    expect(errors('en').network_error).toBeTruthy();
  });

  it("keep no copy of a server text in the web's own files", () => {
    for (const json of [sv, en]) {
      expect(Object.keys(json.errors)).toEqual(['network_error']);
      expect('fieldErrors' in json).toBe(false);
    }
  });

  it("repeat no server sentence under a key of the web's own: the web shows errors.* and fieldErrors.*", () => {
    const values = (o: object): string[] =>
      Object.values(o).flatMap((v) => (v && typeof v === 'object' ? values(v as object) : [String(v)]));
    for (const [lang, json] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      const own = new Set(values(json));
      const copies = Object.entries({ ...ERRORS, ...FIELD_MESSAGES }).filter(([, text]) => own.has(text[lang]));
      expect(
        copies.map(([code]) => code),
        lang,
      ).toEqual([]);
    }
  });
});
