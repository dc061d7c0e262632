/**
 * Consent across agencies (OSL 12 kap. 2 §): the categories of information a consent can name,
 * which category each kind of timeline event belongs to, and a check for text that looks like
 * sensitive data (health, social situation), which does not belong in the KAA register.
 */

/** Categories of information about a young person, in the order the consent form lists them. */
export const CONSENT_CATEGORIES = ['contact_occupation', 'assessment_plan', 'health_social'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

/** Who gave a consent: the young person, a guardian (for someone under 18), or both. */
export const CONSENT_GIVERS = ['young_person', 'guardian', 'young_person_and_guardian'] as const;
/** How a consent was given: a signed paper form (scan attached) or signed in Lotsa. */
export const CONSENT_METHODS = ['paper', 'in_lotsa'] as const;

/** Where an application to a cooperation team came from. Labels live in i18n. */
export const REFERRERS = ['school', 'social_services', 'employment_service', 'self'] as const;
export type Referrer = (typeof REFERRERS)[number];
/** The steps of an application, from received to decided. */
export const APPLICATION_STATUSES = ['received', 'on_agenda', 'accepted', 'waiting_list', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * The category of an event on the timeline: a note's own category, else notes are assessment and plan, the rest contact
 * and occupation.
 */
export function eventCategory(type: string, category: ConsentCategory | null): ConsentCategory {
  if (category) return category;
  return type === 'note' ? 'assessment_plan' : 'contact_occupation';
}

/** A consent's state on a day: valid, expired (past its valid-until date) or withdrawn. */
export type ConsentState = 'valid' | 'expired' | 'withdrawn';

/** The state of a consent on `today` (YYYY-MM-DD). */
export function consentState(
  c: { withdrawnAt: string | null; validUntil: string | null },
  today: string,
): ConsentState {
  if (c.withdrawnAt) return 'withdrawn';
  if (c.validUntil && c.validUntil < today) return 'expired';
  return 'valid';
}

const SENSITIVE_WORDS = [
  'diagnos',
  'adhd',
  'autism',
  'asperger',
  'npf',
  'depression',
  'deprimerad',
  'ångest',
  'psykisk',
  'psykiatri',
  'bup',
  'självmord',
  'suicid',
  'självskad',
  'missbruk',
  'droger',
  'narkotika',
  'alkohol',
  'sjuk',
  'sjukdom',
  'medicin',
  'läkare',
  'vårdcentral',
  'gravid',
  'abort',
  'hiv',
  'epilepsi',
  'diabetes',
  'lvu',
  'lvm',
  'orosanmälan',
  'placerad',
  'hvb',
  'kriminal',
  'dömd',
  'polisanmäl',
  'religion',
  'etnisk',
  'sexuell läggning',
  'diagnosis',
  'anxiety',
  'mental health',
  'psychiatric',
  'suicide',
  'self-harm',
  'abuse',
  'drugs',
  'illness',
  'medication',
  'pregnant',
];

/**
 * True when `text` mentions something that looks like health, social or other sensitive data.
 * A warning, not a verdict: staff decide, and should mark such a note with its category instead.
 */
export function looksSensitive(text: string): boolean {
  const lower = text.toLowerCase();
  return SENSITIVE_WORDS.some((word) => new RegExp(`(^|[^\\p{L}])${word}`, 'u').test(lower));
}
