import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../core/audit-vocabulary.js';
import en from './en.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

describe('the audit log in words', () => {
  it('names every action and every kind of record the audit writers use, in Swedish and English', () => {
    for (const [language, texts] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      const actions = texts.audit.actions as Record<string, string>;
      const entities = texts.audit.entities as Record<string, string>;
      expect(
        AUDIT_ACTIONS.filter((a) => !actions[a]),
        `${language} actions`,
      ).toEqual([]);
      expect(
        AUDIT_ENTITIES.filter((e) => !entities[e]),
        `${language} entities`,
      ).toEqual([]);
    }
  });
});
