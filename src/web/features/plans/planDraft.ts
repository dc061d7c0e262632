/** The plan as the form edits it (every field a string), and the conversions to and from the API's plan. */
import type { z } from 'zod';
import type { ResponsibleKind, StepEndReason, StepStatus } from '../../../core/plan.js';
import type { Plan, planBody } from '../../../core/plan-schemas.js';

let nextKey = 0;
/** A key for a new row of the form, stable while it is edited. */
export const newKey = () => `new-${++nextKey}`;

export type StepDraft = {
  key: string;
  id?: string;
  title: string;
  responsibleKind: ResponsibleKind;
  responsibleUnitId: string;
  responsibleOther: string;
  startOn: string;
  dueOn: string;
  status: StepStatus;
  endedOn: string;
  endReason: StepEndReason | '';
  followUpOn: string;
};
export type SubGoalDraft = { key: string; id?: string; title: string; done: boolean };
export type GoalDraft = {
  key: string;
  id?: string;
  area: string;
  title: string;
  ownWords: string;
  subGoals: SubGoalDraft[];
  steps: StepDraft[];
};
export type PlanDraft = { followUpOn: string; evaluation: string; evaluatedOn: string; goals: GoalDraft[] };

/** An empty step, the young person responsible, starting `today`. */
export const emptyStep = (today: string): StepDraft => ({
  key: newKey(),
  title: '',
  responsibleKind: 'young_person',
  responsibleUnitId: '',
  responsibleOther: '',
  startOn: today,
  dueOn: '',
  status: 'planned',
  endedOn: '',
  endReason: '',
  followUpOn: '',
});
/** An empty goal of the first area. */
export const emptyGoal = (area: string): GoalDraft => ({
  key: newKey(),
  area,
  title: '',
  ownWords: '',
  subGoals: [],
  steps: [],
});

/** The form's starting point from the plan the API gave. */
export function draftOf(plan: Plan): PlanDraft {
  return {
    followUpOn: plan.followUpOn ?? '',
    evaluation: plan.evaluation ?? '',
    evaluatedOn: plan.evaluatedOn ?? '',
    goals: plan.goals.map((g) => ({
      key: g.id,
      id: g.id,
      area: g.area,
      title: g.title,
      ownWords: g.ownWords ?? '',
      subGoals: g.subGoals.map((s) => ({ key: s.id, id: s.id, title: s.title, done: s.done })),
      steps: g.steps.map((s) => ({
        key: s.id,
        id: s.id,
        title: s.title,
        responsibleKind: s.responsibleKind,
        responsibleUnitId: s.responsibleUnitId ?? '',
        responsibleOther: s.responsibleOther ?? '',
        startOn: s.startOn ?? '',
        dueOn: s.dueOn ?? '',
        status: s.status,
        endedOn: s.endedOn ?? '',
        endReason: s.endReason ?? '',
        followUpOn: s.followUpOn ?? '',
      })),
    })),
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** The PUT body from the form: empty fields become null. */
export function bodyOf(draft: PlanDraft, version: number): z.input<typeof planBody> {
  return {
    version,
    followUpOn: orNull(draft.followUpOn),
    evaluation: orNull(draft.evaluation),
    evaluatedOn: orNull(draft.evaluatedOn),
    goals: draft.goals.map((g) => ({
      id: g.id,
      area: g.area,
      title: g.title,
      ownWords: orNull(g.ownWords),
      subGoals: g.subGoals.map((s) => ({ id: s.id, title: s.title, done: s.done })),
      steps: g.steps.map((s) => ({
        id: s.id,
        title: s.title,
        responsibleKind: s.responsibleKind,
        responsibleUnitId: s.responsibleKind === 'unit' ? orNull(s.responsibleUnitId) : null,
        responsibleOther: s.responsibleKind === 'other' ? orNull(s.responsibleOther) : null,
        startOn: orNull(s.startOn),
        dueOn: orNull(s.dueOn),
        status: s.status,
        endedOn: orNull(s.endedOn),
        endReason: s.endReason || null,
        followUpOn: orNull(s.followUpOn),
      })),
    })),
  };
}

/** The element id of a plan field as the API names it ("goals.0.steps.1.dueOn" → "plan-goals-0-steps-1-dueOn"). */
export const fieldId = (field: string) => `plan-${field.replaceAll('.', '-')}`;
