import { describe, expect, it } from 'vitest';
import {
  followUpDue,
  goalAreaCode,
  goalAreaName,
  isEmptyChange,
  planChangeSummary,
  stepBreaches,
  type PlanShape,
  type StepFacts,
} from './plan.js';
import { planBody } from './plan-schemas.js';

const step = (overrides: Partial<StepFacts> = {}): StepFacts => ({
  startOn: '2026-12-07',
  dueOn: '2026-12-20',
  followUpOn: '2026-12-21',
  endedOn: null,
  status: 'planned',
  endReason: null,
  responsibleKind: 'young_person',
  responsibleUnitId: null,
  responsibleOther: null,
  ...overrides,
});

describe('the rules of a step', () => {
  it('accepts a step in order, and one without dates', () => {
    expect(stepBreaches(step())).toEqual([]);
    expect(stepBreaches(step({ startOn: null, dueOn: null, followUpOn: null }))).toEqual([]);
  });

  it('refuses a step due, followed up or ended before it starts', () => {
    expect(stepBreaches(step({ dueOn: '2026-12-06' }))).toEqual([{ field: 'dueOn', code: 'invalid' }]);
    expect(stepBreaches(step({ followUpOn: '2026-12-01' }))).toEqual([{ field: 'followUpOn', code: 'invalid' }]);
    expect(stepBreaches(step({ status: 'done', endedOn: '2026-12-01' }))).toEqual([
      { field: 'endedOn', code: 'invalid' },
    ]);
  });

  it('allows a step due on the day it starts', () => {
    expect(stepBreaches(step({ dueOn: '2026-12-07', followUpOn: '2026-12-07' }))).toEqual([]);
  });

  it('needs the unit or the other actor named when they are responsible', () => {
    expect(stepBreaches(step({ responsibleKind: 'unit' }))).toEqual([{ field: 'responsibleUnitId', code: 'required' }]);
    expect(stepBreaches(step({ responsibleKind: 'other' }))).toEqual([{ field: 'responsibleOther', code: 'required' }]);
    expect(stepBreaches(step({ responsibleKind: 'other', responsibleOther: 'Arbetsförmedlingen' }))).toEqual([]);
  });

  it('needs a reason when a step is stopped, and no end for a step still planned or under way', () => {
    expect(stepBreaches(step({ status: 'stopped', endedOn: '2026-12-10' }))).toEqual([
      { field: 'endReason', code: 'required' },
    ]);
    expect(stepBreaches(step({ status: 'ongoing', endedOn: '2026-12-10' }))).toEqual([
      { field: 'endedOn', code: 'invalid' },
    ]);
  });

  it('names the field of a broken rule in the request schema, relative to the plan', () => {
    const parsed = planBody.safeParse({
      version: 0,
      goals: [
        {
          area: 'work',
          title: 'Jobb',
          steps: [{ title: 'Söka', responsibleKind: 'young_person', startOn: '2026-12-10', dueOn: '2026-12-09' }],
        },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['goals.0.steps.0.dueOn']);
  });
});

describe('follow-up due', () => {
  it('is due on the day and after, not before, and never without a date', () => {
    expect(followUpDue('2026-12-07', '2026-12-07')).toBe(true);
    expect(followUpDue('2026-12-06', '2026-12-07')).toBe(true);
    expect(followUpDue('2026-12-08', '2026-12-07')).toBe(false);
    expect(followUpDue(null, '2026-12-07')).toBe(false);
  });
});

describe('what changed between plan versions', () => {
  const s1 = { id: 's1', title: 'Studiebesök', ...step() };
  const v1: PlanShape = {
    followUpOn: '2027-01-15',
    evaluation: null,
    goals: [
      { id: 'g1', area: 'studies', title: 'Komvux', ownWords: null, subGoals: [], steps: [s1] },
      {
        id: 'g2',
        area: 'daily_structure',
        title: 'Morgnar',
        ownWords: null,
        subGoals: [],
        steps: [{ ...s1, id: 's2' }],
      },
    ],
  };

  it('counts the first version as everything added', () => {
    expect(planChangeSummary(null, v1)).toMatchObject({
      goalsAdded: ['studies', 'daily_structure'],
      stepsAdded: 2,
      followUpChanged: true,
    });
  });

  it('names added, removed and changed goals by area and counts steps', () => {
    const v2: PlanShape = {
      ...v1,
      evaluation: 'Bra start',
      goals: [
        {
          ...v1.goals[0]!,
          ownWords: 'Jag vill plugga',
          steps: [
            { ...s1, status: 'done', endedOn: '2026-12-18' },
            { ...s1, id: 's3' },
          ],
        },
        { id: 'g3', area: 'job_seeking', title: 'CV', ownWords: null, subGoals: [], steps: [] },
      ],
    };
    expect(planChangeSummary(v1, v2)).toEqual({
      goalsAdded: ['job_seeking'],
      goalsRemoved: ['daily_structure'],
      goalsChanged: ['studies'],
      stepsAdded: 1,
      stepsChanged: 1,
      stepsRemoved: 1,
      followUpChanged: false,
      evaluationChanged: true,
    });
  });

  it('sees no change when nothing changed', () => {
    expect(isEmptyChange(planChangeSummary(v1, structuredClone(v1)))).toBe(true);
  });
});

describe('goal area names', () => {
  it('names a default area in Swedish and English, and a municipality’s own area from its list', () => {
    expect(goalAreaName('breaking_isolation', 'sv')).toBe('Bryta isolering');
    expect(goalAreaName('breaking_isolation', 'en')).toBe('Breaking isolation');
    expect(goalAreaName('leisure', 'sv', [{ code: 'leisure', sv: 'Fritid', en: 'Leisure' }])).toBe('Fritid');
  });
});

describe('the code of a new goal area', () => {
  it('is made from the name in lower-case ASCII, and is one the schema accepts', () => {
    expect(goalAreaCode('Fritid och hälsa', [])).toBe('fritid_och_halsa');
    expect(goalAreaCode('  Körkort!  ', [])).toBe('korkort');
    expect(goalAreaCode('Ålder 18+', [])).toBe('alder_18');
    for (const name of ['Fritid och hälsa', '123 jobb', 'ÅÄÖ', '!', 'é'])
      expect(goalAreaCode(name, []), name).toMatch(/^[a-z][a-z0-9_]{1,39}$/);
  });

  it('does not take a code already on the list', () => {
    expect(goalAreaCode('Studier', ['studier'])).toBe('studier_2');
    expect(goalAreaCode('Studier', ['studier', 'studier_2'])).toBe('studier_3');
  });
});
