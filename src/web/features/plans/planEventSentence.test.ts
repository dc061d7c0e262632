import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json' with { type: 'json' };
import sv from '../../i18n/sv.json' with { type: 'json' };
import { planEventSentence } from './planEventSentence.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: 'sv',
    interpolation: { escapeValue: false },
  });
});
const planId = '00000000-0000-4000-8000-000000000001';
const summary = {
  goalsAdded: ['job_seeking'],
  goalsRemoved: ['daily_structure'],
  goalsChanged: [],
  stepsAdded: 0,
  stepsChanged: 2,
  stepsRemoved: 1,
  followUpChanged: true,
  evaluationChanged: false,
};
const sentence = (lang: 'sv' | 'en', type: string, payload: unknown) =>
  planEventSentence(i18n.getFixedT(lang), lang, type, payload, 'Sofia', (d) => d);

describe('the timeline sentences of the plan', () => {
  it('tells a new plan by its goal areas, in Swedish and English', () => {
    const payload = { planId, version: 1, goalAreas: ['studies', 'daily_structure'], steps: 3 };
    expect(sentence('sv', 'plan_created', payload)).toBe(
      'Sofia gjorde en handlingsplan med 2 mål: Studier, Struktur i vardagen.',
    );
    expect(sentence('en', 'plan_created', payload)).toBe(
      'Sofia made an action plan with 2 goals: Studies, A daily structure.',
    );
  });

  it('sums up a change in short', () => {
    expect(sentence('sv', 'plan_updated', { planId, version: 2, summary })).toBe(
      'Sofia ändrade handlingsplanen (version 2): nya mål: Söka arbete; borttagna mål: Struktur i vardagen; 2 ' +
        'ändrade steg; 1 borttaget steg; ny uppföljningsdag.',
    );
    expect(sentence('en', 'plan_updated', { planId, version: 2, summary })).toBe(
      'Sofia changed the action plan (version 2): new goals: Job seeking; removed goals: A daily structure; 2 ' +
        'changed steps; 1 removed step; new follow-up day.',
    );
  });

  it('tells who signed which version and how', () => {
    expect(
      sentence('sv', 'plan_signed', {
        planId,
        version: 2,
        signedBy: 'young_person',
        method: 'paper',
        signedOn: '2026-12-07',
      }),
    ).toBe('Handlingsplanen (version 2) undertecknades 2026-12-07 av den unga (på papper).');
  });

  it('answers null for a payload that does not fit, instead of guessing', () => {
    expect(sentence('sv', 'plan_updated', { version: 'två' })).toBeNull();
  });
});
