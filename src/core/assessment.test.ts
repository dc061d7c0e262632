import { describe, expect, it } from 'vitest';
import {
  carriedAnswers,
  completionProblems,
  DEFAULT_MANUAL,
  isMapped,
  localText,
  manualProblems,
  questionIndex,
  type ManualSection,
} from './assessment.js';
import { CONSENT_CATEGORIES } from './consent.js';

describe('the default assessment manual', () => {
  it("starts with the young person's own words", () => {
    expect(DEFAULT_MANUAL[0]!.key).toBe('own_words');
  });

  it('puts health and the social situation in health and social, and the rest in assessment and plan', () => {
    const byCategory = (c: string) => DEFAULT_MANUAL.filter((s) => s.category === c).map((s) => s.key);
    expect(byCategory('health_social')).toEqual(['health', 'social_situation']);
    expect(byCategory('assessment_plan')).toHaveLength(DEFAULT_MANUAL.length - 2);
    expect(DEFAULT_MANUAL.every((s) => (CONSENT_CATEGORIES as readonly string[]).includes(s.category))).toBe(true);
  });

  it('is valid, with every text in Swedish and English', () => {
    expect(manualProblems(DEFAULT_MANUAL)).toEqual([]);
    for (const s of DEFAULT_MANUAL) {
      expect(s.title.sv && s.title.en).toBeTruthy();
      for (const question of s.questions) expect(question.text.sv && question.text.en).toBeTruthy();
    }
  });
});

describe('a manual', () => {
  const section = (key: string, questions: string[]): ManualSection => ({
    key,
    category: 'assessment_plan',
    title: { sv: key, en: '' },
    questions: questions.map((k) => ({ key: k, text: { sv: k, en: '' } })),
  });

  it('needs a section, and unique section keys and question keys across sections', () => {
    expect(manualProblems([])).toEqual(['sections']);
    expect(manualProblems([section('a', ['x']), section('a', ['y'])])).toEqual(['sections.1.key']);
    expect(manualProblems([section('a', ['x']), section('b', ['x'])])).toEqual(['sections.1.questions.0.key']);
  });

  it('shows English where given, else Swedish', () => {
    expect(localText({ sv: 'Hej', en: 'Hello' }, 'en')).toBe('Hello');
    expect(localText({ sv: 'Hej', en: ' ' }, 'en')).toBe('Hej');
    expect(localText({ sv: 'Hej', en: 'Hello' }, 'sv')).toBe('Hej');
  });
});

describe('a revision', () => {
  it('carries over answers whose question is still in the manual in the same category, never another', () => {
    const manual = DEFAULT_MANUAL.map((s) => (s.key === 'health' ? { ...s, category: 'assessment_plan' as const } : s));
    const answers = [
      { questionKey: 'wants', category: 'assessment_plan' as const, answer: 'Bli elektriker' },
      { questionKey: 'wellbeing', category: 'health_social' as const, answer: 'Sover dåligt' },
      { questionKey: 'removed_question', category: 'assessment_plan' as const, answer: 'x' },
    ];
    expect(carriedAnswers(answers, manual).map((a) => a.questionKey)).toEqual(['wants']);
    expect(questionIndex(DEFAULT_MANUAL).get('wellbeing')).toEqual({ section: 'health', category: 'health_social' });
  });
});

describe('completing an assessment', () => {
  it('needs the young person among the participants, the highest education and the diploma answer', () => {
    expect(
      completionProblems({ participants: { others: [{ role: 'guardian' }] }, highestEducation: null, diploma: null }),
    ).toEqual(['participants.others', 'highestEducation', 'diploma']);
    expect(
      completionProblems({
        participants: { others: [{ role: 'young_person' }] },
        highestEducation: 'unknown',
        diploma: 'unknown',
      }),
    ).toEqual([]);
  });

  it('makes the person mapped; a draft alone does not', () => {
    expect(isMapped([{ status: 'draft' }])).toBe(false);
    expect(isMapped([{ status: 'draft' }, { status: 'completed' }])).toBe(true);
  });
});
