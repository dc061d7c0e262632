import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/plan-schemas.js';
import { planBody } from '../../../core/plan-schemas.js';
import { bodyOf, draftOf, emptyGoal, emptyStep, fieldId } from './planDraft.js';

const plan: Plan = {
  caseId: '00000000-0000-4000-8000-000000000001',
  personId: '00000000-0000-4000-8000-000000000002',
  personName: 'Pia Plansson',
  contactPerson: null,
  version: 3,
  updatedAt: null,
  updatedBy: null,
  followUpOn: '2027-01-15',
  evaluation: null,
  evaluatedOn: null,
  removedGoals: [],
  ownWordsByYoungPerson: [],
  signatures: [],
  goalAreas: [],
  units: [],
  canEdit: true,
  goals: [
    {
      id: '00000000-0000-4000-8000-000000000003',
      area: 'studies',
      title: 'Komvux',
      ownWords: null,
      subGoals: [{ id: '00000000-0000-4000-8000-000000000004', title: 'Kurser', done: true }],
      steps: [
        {
          id: '00000000-0000-4000-8000-000000000005',
          title: 'Besök',
          responsibleKind: 'other',
          responsibleUnitId: null,
          responsibleOther: 'Arbetsförmedlingen',
          startOn: '2026-12-07',
          dueOn: null,
          status: 'ongoing',
          endedOn: null,
          endReason: null,
          followUpOn: null,
        },
      ],
    },
  ],
};

describe('the plan form', () => {
  it('sends back what it was given, with the version it was read at and every id kept', () => {
    const body = bodyOf(draftOf(plan), plan.version);
    expect(body).toMatchObject({
      version: 3,
      followUpOn: '2027-01-15',
      evaluation: null,
      goals: [
        {
          id: plan.goals[0]!.id,
          ownWords: null,
          subGoals: [{ id: plan.goals[0]!.subGoals[0]!.id, done: true }],
          steps: [{ id: plan.goals[0]!.steps[0]!.id, responsibleOther: 'Arbetsförmedlingen', dueOn: null }],
        },
      ],
    });
    expect(planBody.safeParse(body).success).toBe(true);
  });

  it('sends a new goal and step without ids, empty fields as null; drops the unit when another is responsible', () => {
    const draft = draftOf({ ...plan, goals: [] });
    const goal = emptyGoal('work');
    goal.title = 'Extrajobb';
    goal.steps = [{ ...emptyStep('2026-12-07'), title: 'CV', responsibleUnitId: 'kvar från förut' }];
    const body = bodyOf({ ...draft, goals: [goal] }, 0);
    expect(body.goals[0]).toEqual({
      id: undefined,
      area: 'work',
      title: 'Extrajobb',
      ownWords: null,
      subGoals: [],
      steps: [
        expect.objectContaining({
          id: undefined,
          responsibleKind: 'young_person',
          responsibleUnitId: null,
          startOn: '2026-12-07',
          dueOn: null,
          endReason: null,
        }),
      ],
    });
  });

  it('names each field the way the API does, so an error finds its control', () => {
    expect(fieldId('goals.0.steps.1.dueOn')).toBe('plan-goals-0-steps-1-dueOn');
  });
});
