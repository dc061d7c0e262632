/**
 * The assessment (kartläggning): the municipality's manual of sections and questions, each section
 * in a consent category so that the access rules decide who sees which answers; the structured
 * answers the figures count; and the rules for completing and revising an assessment.
 * Zod-free, so that server and web share it.
 */
import type { ConsentCategory } from './consent.js';

/** Highest completed education, a code list the figures count (the young person's own account, or the school's). */
export const HIGHEST_EDUCATION = [
  'compulsory_not_completed',
  'compulsory',
  'compulsory_adapted',
  'compulsory_abroad',
  'introduction_programme',
  'upper_secondary_started',
  'upper_secondary_certificate',
  'unknown',
] as const;
export type HighestEducation = (typeof HIGHEST_EDUCATION)[number];

/** Whether the young person has an upper-secondary diploma (gymnasieexamen or equivalent). */
export const DIPLOMA_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type DiplomaAnswer = (typeof DIPLOMA_ANSWERS)[number];

/** Documented needs: health and social category, counted in figures only as numbers. */
export const DOCUMENTED_NEEDS = ['diagnosis', 'mental_ill_health', 'social_problems', 'substance_use'] as const;
export type DocumentedNeed = (typeof DOCUMENTED_NEEDS)[number];
/** The category of the documented needs. */
export const NEEDS_CATEGORY: ConsentCategory = 'health_social';
/** The category of highest education and diploma (the school history). */
export const EDUCATION_CATEGORY: ConsentCategory = 'assessment_plan';

/** Who took part besides staff, by role. */
export const PARTICIPANT_ROLES = [
  'young_person',
  'guardian',
  'study_career_counsellor',
  'counsellor',
  'social_worker',
  'employment_officer',
  'other',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ASSESSMENT_STATUSES = ['draft', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** A text in Swedish and English; English may be empty, and then the Swedish shows. */
export type LocalText = { sv: string; en: string };
export type ManualQuestion = { key: string; text: LocalText };
export type ManualSection = { key: string; category: ConsentCategory; title: LocalText; questions: ManualQuestion[] };

/** A section or question key: lower case letters, digits and underscores, starting with a letter. */
export const MANUAL_KEY = /^[a-z][a-z0-9_]{0,39}$/;

const q = (key: string, sv: string, en: string): ManualQuestion => ({ key, text: { sv, en } });

/** The manual Lotsa ships, in plain Swedish and English; the young person's own words first. */
export const DEFAULT_MANUAL: ManualSection[] = [
  {
    key: 'own_words',
    category: 'assessment_plan',
    title: { sv: 'Med dina egna ord', en: 'In your own words' },
    questions: [
      q('wants', 'Vad vill du? Vad drömmer du om?', 'What do you want? What do you dream of?'),
      q('matters_now', 'Vad är viktigast för dig just nu?', 'What matters most to you right now?'),
      q('in_the_way', 'Vad står i vägen, tycker du?', 'What do you think stands in the way?'),
    ],
  },
  {
    key: 'school',
    category: 'assessment_plan',
    title: { sv: 'Skolan hittills', en: 'School so far' },
    questions: [
      q('programmes', 'Vilka skolor och program har du gått?', 'Which schools and programmes have you attended?'),
      q('grades', 'Vilka betyg har du? Vilka ämnen saknas?', 'What grades do you have? Which subjects are missing?'),
      q(
        'what_went_wrong',
        'Vad fungerade inte i skolan? Vad fungerade bra?',
        'What did not work at school? What worked well?',
      ),
    ],
  },
  {
    key: 'work',
    category: 'assessment_plan',
    title: { sv: 'Arbete och praktik', en: 'Work and placements' },
    questions: [
      q(
        'jobs',
        'Har du jobbat eller haft praktik? Var och hur länge?',
        'Have you worked or had a placement? Where and for how long?',
      ),
      q('work_wishes', 'Vilket arbete skulle du vilja prova?', 'What work would you like to try?'),
    ],
  },
  {
    key: 'interests',
    category: 'assessment_plan',
    title: { sv: 'Intressen och styrkor', en: 'Interests and strengths' },
    questions: [
      q('interests', 'Vad tycker du om att göra?', 'What do you like doing?'),
      q(
        'strengths',
        'Vad är du bra på? Vad säger andra att du är bra på?',
        'What are you good at? What do others say you are good at?',
      ),
    ],
  },
  {
    key: 'daily_rhythm',
    category: 'assessment_plan',
    title: { sv: 'Dygnsrytm och vardag', en: 'Daily rhythm' },
    questions: [
      q(
        'day',
        'Hur ser en vanlig dag ut för dig? När sover du och när är du vaken?',
        'What does an ordinary day look like for you? When do you sleep and when are you awake?',
      ),
    ],
  },
  {
    key: 'economy_housing',
    category: 'assessment_plan',
    title: { sv: 'Ekonomi och boende', en: 'Money and housing' },
    questions: [
      q('housing', 'Var och med vem bor du?', 'Where and with whom do you live?'),
      q('money', 'Hur får du pengar till det du behöver?', 'How do you get money for what you need?'),
    ],
  },
  {
    key: 'leisure_network',
    category: 'assessment_plan',
    title: { sv: 'Fritid och nätverk', en: 'Leisure and network' },
    questions: [
      q('leisure', 'Vad gör du på fritiden?', 'What do you do in your free time?'),
      q('network', 'Vilka finns runt dig? Vem kan du fråga om hjälp?', 'Who is around you? Whom can you ask for help?'),
    ],
  },
  {
    key: 'health',
    category: 'health_social',
    title: { sv: 'Hälsa och mående', en: 'Health and wellbeing' },
    questions: [
      q(
        'wellbeing',
        'Hur mår du? Finns det något med hälsan som vi behöver veta för att stödja dig?',
        'How are you? Is there anything about your health we need to know to support you?',
      ),
    ],
  },
  {
    key: 'social_situation',
    category: 'health_social',
    title: { sv: 'Social situation', en: 'Social situation' },
    questions: [
      q(
        'social',
        'Finns det något hemma eller runt dig som gör det svårt just nu?',
        'Is there anything at home or around you that makes things hard right now?',
      ),
    ],
  },
  {
    key: 'other_support',
    category: 'assessment_plan',
    title: { sv: 'Stöd från andra', en: 'Support from other agencies' },
    questions: [
      q(
        'agencies',
        'Har du kontakt med andra, till exempel socialtjänsten, ' +
          'Arbetsförmedlingen eller vården? Vad hjälper de dig med?',
        'Are you in touch with others, such as social services, the employment service ' +
          'or health care? What do they help you with?',
      ),
    ],
  },
];

/** Why a manual cannot be saved: the path of each problem (as a field error would name it). */
export function manualProblems(sections: ManualSection[]): string[] {
  const problems: string[] = [];
  if (sections.length === 0) problems.push('sections');
  const sectionKeys = new Set<string>();
  const questionKeys = new Set<string>();
  sections.forEach((s, i) => {
    if (sectionKeys.has(s.key)) problems.push(`sections.${i}.key`);
    sectionKeys.add(s.key);
    s.questions.forEach((question, j) => {
      if (questionKeys.has(question.key)) problems.push(`sections.${i}.questions.${j}.key`);
      questionKeys.add(question.key);
    });
  });
  return problems;
}

/** Each question key of a manual with its section and category. */
export function questionIndex(sections: ManualSection[]): Map<string, { section: string; category: ConsentCategory }> {
  return new Map(
    sections.flatMap((s) =>
      s.questions.map((question) => [question.key, { section: s.key, category: s.category }] as const),
    ),
  );
}

/**
 * Which answers of an earlier assessment a revision starts from: those whose question is still in
 * the new manual in the same category. An answer never moves into another category, where other
 * readers would see it.
 */
export function carriedAnswers<A extends { questionKey: string; category: ConsentCategory }>(
  answers: A[],
  manual: ManualSection[],
): A[] {
  const index = questionIndex(manual);
  return answers.filter((a) => index.get(a.questionKey)?.category === a.category);
}

/** What an assessment must hold before it is completed. */
export type CompletionInput = {
  participants: { others: { role: ParticipantRole }[] };
  highestEducation: HighestEducation | null;
  diploma: DiplomaAnswer | null;
};

/**
 * The fields that stop an assessment from being completed: it is done with the young person (who
 * must be among the participants), and the figures need the highest education and the diploma
 * (either may be `unknown`, but not left out).
 */
export function completionProblems(a: CompletionInput): string[] {
  const problems: string[] = [];
  if (!a.participants.others.some((p) => p.role === 'young_person')) problems.push('participants.others');
  if (!a.highestEducation) problems.push('highestEducation');
  if (!a.diploma) problems.push('diploma');
  return problems;
}

/** A person counts as mapped once one of their assessments is completed. */
export function isMapped(assessments: { status: AssessmentStatus }[]): boolean {
  return assessments.some((a) => a.status === 'completed');
}

/** The text in `lang`, falling back to Swedish where the English is empty. */
export function localText(text: LocalText, lang: string): string {
  return lang.startsWith('en') && text.en.trim() ? text.en : text.sv;
}
