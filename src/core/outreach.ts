/**
 * The contact ladder (domain step 3): channels, outcomes, the versioned occupation code list, the
 * municipal outreach settings and their defaults, and the rule that proposes the next step after
 * each attempt. Pure functions, shared by server and web; labels live in i18n.
 */

/** Ways of reaching a young person, in the default ladder's order where they are on it. */
export const CONTACT_CHANNELS = [
  'phone',
  'phone_guardian',
  'sms',
  'email',
  'letter',
  'second_letter',
  'social_media',
  'field_meeting',
  'announced_home_visit',
  'home_visit',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * Steps before the ladder that are recorded like attempts: verifying with the leaving school, asking the cooperation
 * team.
 */
export const CHECK_STEPS = ['verify_school', 'known_elsewhere'] as const;
export type CheckStep = (typeof CHECK_STEPS)[number];

/** True for the check steps, which are not attempts to reach the person. */
export function isCheckStep(channel: AttemptChannel): channel is CheckStep {
  return (CHECK_STEPS as readonly string[]).includes(channel);
}

/** Everything that can be recorded as an attempt or step. */
export const ATTEMPT_CHANNELS = [...CHECK_STEPS, ...CONTACT_CHANNELS] as const;
export type AttemptChannel = (typeof ATTEMPT_CHANNELS)[number];

/**
 * Outcomes of a contact attempt. Each fits some channels only (`OUTCOMES_FOR`): a letter is sent or
 * returned, a text message or an e-mail is sent (a reply is recorded as its own attempt), a home
 * visit finds nobody home or meets someone, a phone call reaches someone, goes unanswered, leaves a
 * message or finds a wrong number. `reached`, `message_left` and `returned_mail` keep their names
 * from before the stricter rule so that old attempts read as they were recorded.
 */
export const CONTACT_OUTCOMES = [
  'reached',
  'reached_guardian',
  'met',
  'met_guardian',
  'declined',
  'no_answer',
  'message_left',
  'wrong_number',
  'sent',
  'replied',
  'returned_mail',
  'nobody_home',
  'not_met',
  'other',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
/** Outcomes of the check steps. */
export const CHECK_OUTCOMES = [
  'dropout_confirmed',
  'changing_programme',
  'known_to_other_agency',
  'not_known',
  'other',
] as const;
export const ATTEMPT_OUTCOMES = [...new Set([...CONTACT_OUTCOMES, ...CHECK_OUTCOMES])] as [string, ...string[]];
export type AttemptOutcome = ContactOutcome | (typeof CHECK_OUTCOMES)[number];

/**
 * The outcomes that mean a conversation with the young person, or with a guardian recorded as such
 * (`reached_guardian`, `met_guardian`), including one in which they declined further contact. Only
 * these count as reached: they end the ladder, and only they may carry an occupation and what was agreed.
 */
export const CONVERSATION_OUTCOMES = [
  'reached',
  'reached_guardian',
  'met',
  'met_guardian',
  'declined',
] as const satisfies readonly ContactOutcome[];

/** True when `outcome` means a conversation, so the person counts as reached. */
export function isConversation(outcome: string): boolean {
  return (CONVERSATION_OUTCOMES as readonly string[]).includes(outcome);
}

const PHONE: readonly ContactOutcome[] = ['reached', 'no_answer', 'message_left', 'wrong_number', 'declined'];
const WRITTEN: readonly ContactOutcome[] = ['sent', 'replied'];
const LETTER: readonly ContactOutcome[] = ['sent', 'returned_mail'];
const VISIT: readonly ContactOutcome[] = ['nobody_home', 'met', 'met_guardian', 'declined'];

/** Which outcomes each channel and check step allows (the server refuses any other pair). */
export const OUTCOMES_FOR: Record<AttemptChannel, readonly AttemptOutcome[]> = {
  verify_school: ['dropout_confirmed', 'changing_programme', 'other'],
  known_elsewhere: ['known_to_other_agency', 'not_known', 'other'],
  phone: PHONE,
  phone_guardian: ['reached_guardian', 'reached', 'no_answer', 'message_left', 'wrong_number', 'declined'],
  sms: WRITTEN,
  email: [...WRITTEN, 'returned_mail'],
  letter: LETTER,
  second_letter: LETTER,
  social_media: WRITTEN,
  field_meeting: ['met', 'not_met', 'declined'],
  announced_home_visit: VISIT,
  home_visit: VISIT,
};

/** The outcomes allowed for `channel`. */
export function outcomesFor(channel: AttemptChannel): readonly AttemptOutcome[] {
  return OUTCOMES_FOR[channel];
}

/** Why an attempt is refused, by field; null when the channel, outcome and occupation fit together. */
export function attemptProblem(input: {
  channel: AttemptChannel;
  outcome?: string | null;
  occupation?: string | null;
  agreed?: string | null;
}): { field: 'outcome' | 'occupation' | 'agreed'; code: 'required' | 'invalid' } | null {
  if (!input.outcome) return { field: 'outcome', code: 'required' };
  if (!outcomesFor(input.channel).includes(input.outcome as AttemptOutcome))
    return { field: 'outcome', code: 'invalid' };
  if (input.occupation && !isConversation(input.outcome)) return { field: 'occupation', code: 'invalid' };
  if (input.agreed && !isConversation(input.outcome)) return { field: 'agreed', code: 'invalid' };
  return null;
}

/** The name of the rule, recorded with the day it took effect, under which only a conversation counts as reached. */
export const CONVERSATION_RULE = 'conversation_only_reached';

/**
 * The occupation code list, versioned: a recorded occupation keeps the version it was coded in, so
 * a later list (SCB changes theirs) never reinterprets old records.
 */
export const OCCUPATION_CODE_LIST = { version: 1, codes: ['education', 'work', 'measure', 'none', 'unknown'] } as const;
export type Occupation = (typeof OCCUPATION_CODE_LIST.codes)[number];

/** One rung of the ladder: a channel and how many days after the previous attempt it falls due. */
export type LadderStep = { channel: ContactChannel; waitDays: number };

/** A municipality's outreach settings. */
export type OutreachSettings = {
  /** Days after entering the register by which someone must have been reached. */
  overdueDays: number;
  ladder: LadderStep[];
  /** Days in advance an announced home visit's notice must be sent. */
  homeVisitNoticeDays: number;
  /** Days a confirmed occupation stays valid, per occupation; past it the occupation counts as unknown. */
  occupationValidityDays: Record<Occupation, number>;
  /** Days after first being reached by which a young person should have an action plan (the plan-missing queue). */
  planMissingDays: number;
  /** Months after a case closed at which it is followed up (issue 15; default 6 and 12). */
  followUpMonths: number[];
  /** The phone number letters and text messages give (the centre's), neutral. */
  contactPhone: string;
  /** A neutral return address printed above the recipient in the envelope window (no authority named). */
  returnAddress: string;
};

/**
 * The defaults, from the domain's ladder: phone → SMS → letter → second letter → field/social media → announced home
 * visit.
 */
export const DEFAULT_OUTREACH_SETTINGS: OutreachSettings = {
  overdueDays: 14,
  ladder: [
    { channel: 'phone', waitDays: 0 },
    { channel: 'sms', waitDays: 1 },
    { channel: 'letter', waitDays: 3 },
    { channel: 'second_letter', waitDays: 7 },
    { channel: 'social_media', waitDays: 5 },
    { channel: 'announced_home_visit', waitDays: 7 },
  ],
  homeVisitNoticeDays: 5,
  occupationValidityDays: { education: 183, work: 183, measure: 92, none: 30, unknown: 0 },
  planMissingDays: 30,
  followUpMonths: [6, 12],
  contactPhone: '',
  returnAddress: '',
};

/** Channels that need the young person's postal address. */
export const LETTER_CHANNELS: readonly ContactChannel[] = ['letter', 'second_letter'];

/** A recorded attempt, as far as the ladder cares. */
export type AttemptFact = { channel: AttemptChannel; outcome: AttemptOutcome; on: string };

/** The proposed next step: a channel due on a day, or null when the person has been reached or declined. */
export type NextStep = { channel: AttemptChannel; dueOn: string } | null;

/** `isoDay` plus `days` days, as YYYY-MM-DD. */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The ladder a person follows: under 18, the guardian is phoned right after the young person. */
export function ladderFor(settings: Pick<OutreachSettings, 'ladder'>, under18: boolean): LadderStep[] {
  const ladder = settings.ladder.filter((s) => under18 || s.channel !== 'phone_guardian');
  if (!under18 || ladder.some((s) => s.channel === 'phone_guardian')) return ladder;
  const phone = ladder.findIndex((s) => s.channel === 'phone');
  const at = phone >= 0 ? phone + 1 : 0;
  return [...ladder.slice(0, at), { channel: 'phone_guardian', waitDays: 0 }, ...ladder.slice(at)];
}

/**
 * What Lotsa proposes next, given the attempts since the person entered the register (oldest first).
 * - Reached (any conversation, declined included): nothing more on the ladder.
 * - Before the ladder starts, a person who entered from a school (dropped out, never started,
 *   studiebevis only) is verified with the leaving school, then everyone is checked with the
 *   cooperation team ("already known to another agency?"), due on the day of entry.
 * - Otherwise the rung after the furthest one tried, due its wait after the latest attempt; the
 *   last rung repeats once the ladder is used up.
 */
export function proposeNextStep(input: {
  enteredOn: string;
  fromSchool: boolean;
  under18: boolean;
  attempts: AttemptFact[];
  settings: Pick<OutreachSettings, 'ladder'>;
}): NextStep {
  const { attempts, enteredOn } = input;
  if (attempts.some((a) => isConversation(a.outcome))) return null;
  const done = new Set(attempts.map((a) => a.channel));
  const last = attempts.length ? attempts[attempts.length - 1]!.on : enteredOn;
  const ladderStarted = attempts.some((a) => !isCheckStep(a.channel));
  if (!ladderStarted && input.fromSchool && !done.has('verify_school'))
    return { channel: 'verify_school', dueOn: enteredOn };
  if (!ladderStarted && !done.has('known_elsewhere'))
    return { channel: 'known_elsewhere', dueOn: last < enteredOn ? enteredOn : last };
  const ladder = ladderFor(input.settings, input.under18);
  if (ladder.length === 0) return null;
  let furthest = -1;
  for (const a of attempts)
    furthest = Math.max(
      furthest,
      ladder.findIndex((s) => s.channel === a.channel),
    );
  const next = ladder[Math.min(furthest + 1, ladder.length - 1)]!;
  return { channel: next.channel, dueOn: addDays(last, furthest < 0 ? 0 : next.waitDays) };
}

/** Entry reasons that came from a school, so the leaving school is asked first. */
export const SCHOOL_ENTRY_REASONS: readonly string[] = ['dropped_out', 'never_started', 'certificate_only'];

/** True when the person turns 18 after `onDay` (both YYYY-MM-DD). */
export function isUnder18(birthDate: string, onDay: string): boolean {
  return addYears(birthDate, 18) > onDay;
}

function addYears(isoDay: string, years: number): string {
  return `${String(Number(isoDay.slice(0, 4)) + years).padStart(4, '0')}${isoDay.slice(4)}`;
}

/** The work queues, in the order a coach works them. */
export const QUEUE_KEYS = [
  'verify-school',
  'not-contacted',
  'contact-overdue',
  'next-step-due',
  'occupation-unknown',
  'home-visits',
  'plan-missing',
  'follow-up-due',
  'measure-ending',
  'closure-follow-up',
  'inbox',
] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

/** Kinds of message template: three letters and the text message. */
export const TEMPLATE_KINDS = ['letter', 'second_letter', 'home_visit_notice', 'sms'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Kinds of calendar entry. */
export const MEETING_KINDS = ['meeting', 'drop_in', 'home_visit'] as const;
