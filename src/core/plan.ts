/**
 * The action plan (handlingsplan): goal areas, step statuses and who can be responsible, and the
 * rules a plan must keep (förordning 2006:39: the plan and its goals, measures by the young person,
 * the municipality or another actor, when they start and end, why they ended, when they are followed
 * up). Zod-free, so that server and web share one home for each rule.
 */

/** The default list of goal areas, from the municipal reports in the seeds; a municipality may keep its own list. */
export const GOAL_AREA_CODE_LIST = {
  version: 1,
  areas: [
    { code: 'studies', sv: 'Studier', en: 'Studies' },
    { code: 'work', sv: 'Arbete', en: 'Work' },
    { code: 'self_support', sv: 'Egen försörjning', en: 'Self-support' },
    { code: 'daily_structure', sv: 'Struktur i vardagen', en: 'A daily structure' },
    { code: 'breaking_isolation', sv: 'Bryta isolering', en: 'Breaking isolation' },
    { code: 'self_esteem', sv: 'Självkänsla', en: 'Self-esteem' },
    { code: 'taking_responsibility', sv: 'Ta ansvar', en: 'Taking responsibility' },
    { code: 'managing_money', sv: 'Hantera pengar', en: 'Managing money' },
    { code: 'social_contacts', sv: 'Sociala kontakter', en: 'Social contacts' },
    { code: 'drug_free_life', sv: 'Ett drogfritt liv', en: 'A drug-free life' },
    { code: 'job_seeking', sv: 'Söka arbete', en: 'Job seeking' },
  ],
} as const;
/** A goal area of the default list. */
export type DefaultGoalArea = (typeof GOAL_AREA_CODE_LIST.areas)[number]['code'];
/** A goal area as a municipality keeps it: a code and its names. */
export type GoalArea = { code: string; sv: string; en: string };

/** How a step stands. A stopped step ended before it was done, with a reason. */
export const STEP_STATUSES = ['planned', 'ongoing', 'done', 'stopped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Who carries out a step: the young person, a unit of the municipality, or another actor (e.g. Arbetsförmedlingen). */
export const RESPONSIBLE_KINDS = ['young_person', 'unit', 'other'] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];

/** Why a step ended. */
export const STEP_END_REASONS = ['completed', 'moved_on', 'interrupted', 'declined', 'other'] as const;
export type StepEndReason = (typeof STEP_END_REASONS)[number];

/** Who signs a plan version, and how. */
export const PLAN_SIGNERS = ['young_person', 'guardian'] as const;
export const PLAN_SIGN_METHODS = ['in_lotsa', 'paper'] as const;

/** The dates and responsibility of one step, as rules read them. */
export type StepFacts = {
  startOn: string | null;
  dueOn: string | null;
  followUpOn: string | null;
  endedOn: string | null;
  status: StepStatus;
  endReason: StepEndReason | null;
  responsibleKind: ResponsibleKind;
  responsibleUnitId: string | null;
  responsibleOther: string | null;
};

/** A broken rule: the field (relative to the step) and the field message key. */
export type RuleBreach = { field: string; code: 'invalid' | 'required' };

/**
 * The rules of one step: it is not due, followed up or ended before it starts; a unit or another
 * actor responsible is named; an ended step (done or stopped) says when, and a stopped one why.
 */
export function stepBreaches(step: StepFacts): RuleBreach[] {
  const out: RuleBreach[] = [];
  if (step.startOn && step.dueOn && step.dueOn < step.startOn) out.push({ field: 'dueOn', code: 'invalid' });
  if (step.startOn && step.followUpOn && step.followUpOn < step.startOn)
    out.push({ field: 'followUpOn', code: 'invalid' });
  if (step.startOn && step.endedOn && step.endedOn < step.startOn) out.push({ field: 'endedOn', code: 'invalid' });
  if (step.responsibleKind === 'unit' && !step.responsibleUnitId)
    out.push({ field: 'responsibleUnitId', code: 'required' });
  if (step.responsibleKind === 'other' && !step.responsibleOther)
    out.push({ field: 'responsibleOther', code: 'required' });
  if (step.status === 'stopped' && !step.endReason) out.push({ field: 'endReason', code: 'required' });
  if ((step.status === 'planned' || step.status === 'ongoing') && step.endedOn)
    out.push({ field: 'endedOn', code: 'invalid' });
  return out;
}

/** True when a follow-up date has come (on or before `today`, both YYYY-MM-DD). */
export function followUpDue(followUpOn: string | null, today: string): boolean {
  return followUpOn !== null && followUpOn <= today;
}

/** A plan as the version history compares it: goals by id with their steps and sub-goals. */
export type PlanShape = {
  followUpOn: string | null;
  evaluation: string | null;
  goals: {
    id: string;
    area: string;
    title: string;
    ownWords: string | null;
    subGoals: { id: string; title: string; done: boolean }[];
    steps: ({ id: string; title: string } & StepFacts)[];
  }[];
};

/** What changed between two versions, in counts and goal areas (no free text, so a timeline line stays short). */
export type PlanChangeSummary = {
  goalsAdded: string[];
  goalsRemoved: string[];
  goalsChanged: string[];
  stepsAdded: number;
  stepsChanged: number;
  stepsRemoved: number;
  followUpChanged: boolean;
  evaluationChanged: boolean;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares two versions of a plan (`before` null for the first): which goals came, went or changed, and how many steps.
 */
export function planChangeSummary(before: PlanShape | null, after: PlanShape): PlanChangeSummary {
  const old = new Map((before?.goals ?? []).map((g) => [g.id, g]));
  const next = new Map(after.goals.map((g) => [g.id, g]));
  const summary: PlanChangeSummary = {
    goalsAdded: [],
    goalsRemoved: [],
    goalsChanged: [],
    stepsAdded: 0,
    stepsChanged: 0,
    stepsRemoved: 0,
    followUpChanged: false,
    evaluationChanged: false,
  };
  for (const goal of after.goals) {
    const was = old.get(goal.id);
    if (!was) {
      summary.goalsAdded.push(goal.area);
      summary.stepsAdded += goal.steps.length;
      continue;
    }
    const oldSteps = new Map(was.steps.map((s) => [s.id, s]));
    const newIds = new Set(goal.steps.map((s) => s.id));
    for (const step of goal.steps) {
      const prior = oldSteps.get(step.id);
      if (!prior) summary.stepsAdded += 1;
      else if (!same(prior, step)) summary.stepsChanged += 1;
    }
    summary.stepsRemoved += was.steps.filter((s) => !newIds.has(s.id)).length;
    if (
      was.area !== goal.area ||
      was.title !== goal.title ||
      was.ownWords !== goal.ownWords ||
      !same(was.subGoals, goal.subGoals)
    )
      summary.goalsChanged.push(goal.area);
  }
  for (const goal of before?.goals ?? []) {
    if (!next.has(goal.id)) {
      summary.goalsRemoved.push(goal.area);
      summary.stepsRemoved += goal.steps.length;
    }
  }
  summary.followUpChanged = (before?.followUpOn ?? null) !== after.followUpOn;
  summary.evaluationChanged = (before?.evaluation ?? null) !== after.evaluation;
  return summary;
}

/** True when a summary records no change at all (a save that changed nothing). */
export function isEmptyChange(s: PlanChangeSummary): boolean {
  return (
    !s.goalsAdded.length &&
    !s.goalsRemoved.length &&
    !s.goalsChanged.length &&
    !s.stepsAdded &&
    !s.stepsChanged &&
    !s.stepsRemoved &&
    !s.followUpChanged &&
    !s.evaluationChanged
  );
}

/**
 * The name of a goal area in `language`, from the municipality's list (or the default); the code itself when unknown.
 */
export function goalAreaName(
  code: string,
  language: 'sv' | 'en',
  areas: readonly GoalArea[] = GOAL_AREA_CODE_LIST.areas,
): string {
  return areas.find((a) => a.code === code)?.[language] ?? code;
}

/**
 * A code for a new goal area from its name (lower case ASCII, å/ä → a, ö → o, words joined by `_`),
 * made unique among `taken` with a number: "Fritid och hälsa" → `fritid_och_halsa`. Goals keep the code.
 */
export function goalAreaCode(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const folded = name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  let base = folded
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 34);
  if (!/^[a-z]/.test(base)) base = `area_${base}`.replace(/_+$/, '');
  if (base.length < 2) base = 'area';
  let code = base;
  for (let n = 2; used.has(code); n += 1) code = `${base}_${n}`;
  return code;
}
