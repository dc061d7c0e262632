/**
 * The action plans of the demo municipality, at several stages: active cases with no plan yet (the
 * plan-missing queue), a first version not yet signed, a signed plan, a plan changed after signing
 * with a step done and its follow-up due, and closed cases whose plan was evaluated and ended. Built
 * through core's plan rules and version summary, with every version kept and on the timeline.
 * Like the rest of the demo it adds plans only for the cases added in this run.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDays } from '../../core/outreach.js';
import { planChangeSummary, stepBreaches } from '../../core/plan.js';
import type { PlanDocument } from '../../core/plan-schemas.js';
import { eventRow } from '../db/events.js';
import type { Database } from '../db/types.js';

type Goal = PlanDocument['goals'][number];
type Step = Goal['steps'][number];
type Input = {
  today: Date;
  /** Case rows as demo.ts built them. */
  cases: { id: string; person_id: string; status: string; contact_person_id: string | null; opened_at: Date }[];
  units: Map<string, string>;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A step with what a step needs; `from` and the offsets are days. */
function step(
  title: string,
  who: { unit?: string; other?: string } | null,
  start: string,
  dueIn: number,
  followUpIn: number,
  rest: Partial<Step> = {},
): Step {
  return {
    id: randomUUID(),
    title,
    responsibleKind: who?.unit ? 'unit' : who?.other ? 'other' : 'young_person',
    responsibleUnitId: who?.unit ?? null,
    responsibleOther: who?.other ?? null,
    startOn: start,
    dueOn: addDays(start, dueIn),
    status: 'planned',
    endedOn: null,
    endReason: null,
    followUpOn: addDays(start, followUpIn),
    ...rest,
  };
}

/** The goals a coach and a young person often start with, from the municipal reports. */
function goalsFor(n: number, start: string, units: Map<string, string>): Goal[] {
  const edu = units.get('Utbildningsförvaltningen');
  const labour = units.get('Arbetsmarknadsenheten');
  const goal = (area: string, title: string, ownWords: string, subGoals: string[], steps: Step[]): Goal => ({
    id: randomUUID(),
    area,
    title,
    ownWords,
    subGoals: subGoals.map((t) => ({ id: randomUUID(), title: t, done: false })),
    steps,
  });
  const all = [
    goal(
      'studies',
      'Börja på komvux och läsa in gymnasiebehörighet',
      'Jag vill bli undersköterska, men jag saknar svenska och matte.',
      ['Veta vilka kurser jag saknar', 'Söka till komvux i tid'],
      [
        step('Samtal med studie- och yrkesvägledare om kurser', { unit: edu }, start, 14, 14),
        step('Studiebesök på vuxenutbildningen', null, addDays(start, 7), 14, 21),
        step('Skicka in ansökan till komvux', null, addDays(start, 14), 21, 28),
      ],
    ),
    goal(
      'daily_structure',
      'Komma upp på morgonen och ha något att gå till',
      'Jag sover bort dagarna och vill ändra på det.',
      ['Vara i studierummet två förmiddagar i veckan'],
      [
        step('Studierummet måndagar och onsdagar kl. 10', { unit: labour }, start, 42, 21),
        step('Göra ett veckoschema tillsammans med coachen', null, start, 7, 7),
      ],
    ),
    goal(
      'work',
      'Få ett extrajobb',
      'Jag vill tjäna egna pengar och visa att jag klarar ett jobb.',
      ['Ha ett CV klart', 'Söka fem jobb'],
      [
        step('Skriva CV i jobbverkstaden', { unit: labour }, start, 14, 14),
        step('Skriva in sig på Arbetsförmedlingen', { other: 'Arbetsförmedlingen' }, addDays(start, 7), 14, 21),
      ],
    ),
    goal(
      'breaking_isolation',
      'Träffa andra unga en gång i veckan',
      'Jag är mest hemma och spelar, det blir ensamt.',
      [],
      [step('Gruppaktivitet på fredagar på Ungdomstorget', { unit: labour }, start, 56, 28)],
    ),
    goal(
      'managing_money',
      'Få koll på pengarna',
      'Pengarna tar slut innan månaden gör det.',
      ['Göra en budget'],
      [
        step(
          'Budgetsamtal med socialtjänstens budget- och skuldrådgivning',
          { unit: units.get('Socialtjänsten') },
          start,
          21,
          21,
        ),
      ],
    ),
  ];
  return [all[n % all.length]!, all[(n + 1) % all.length]!];
}

/** Adds plans for the active and closed cases of this run; returns a summary line. */
export async function fillPlanDemo(trx: Transaction<Database>, municipalityId: string, input: Input): Promise<string> {
  const today = day(input.today);
  const cases = input.cases.filter((c) => c.contact_person_id && (c.status === 'active' || c.status === 'closed'));
  let made = 0;
  let signed = 0;
  for (const [n, kase] of cases.entries()) {
    // Every fifth active case has no plan yet: the plan-missing queue has people in it.
    if (kase.status === 'active' && n % 5 === 0) continue;
    const stage = kase.status === 'closed' ? 'closed' : (['first', 'signed', 'changed', 'changed'] as const)[n % 4]!;
    const start = day(
      new Date(Math.max(kase.opened_at.getTime() + 21 * 86_400_000, input.today.getTime() - 70 * 86_400_000)),
    );
    const first: PlanDocument = {
      followUpOn: addDays(start, 30),
      evaluation: null,
      evaluatedOn: null,
      goals: goalsFor(n, start, input.units),
    };
    const versions: PlanDocument[] = [first];
    if (stage === 'changed' || stage === 'closed') {
      const [a, b] = structuredClone(first.goals) as [Goal, Goal];
      const doneOn = addDays(start, 10);
      a.steps[0] = {
        ...a.steps[0]!,
        status: 'done',
        endedOn: doneOn <= today ? doneOn : today,
        endReason: 'completed',
      };
      if (a.subGoals[0]) a.subGoals[0] = { ...a.subGoals[0], done: true };
      if (a.steps[1]) a.steps[1] = { ...a.steps[1], status: 'ongoing' };
      // The follow-up of the changed plan has come: it is in the follow-up-due queue.
      versions.push({
        followUpOn: stage === 'closed' ? null : addDays(today, -(n % 3)),
        evaluation: null,
        evaluatedOn: null,
        goals: [a, b],
      });
    }
    if (stage === 'closed') {
      const last = structuredClone(versions[versions.length - 1]!);
      const endedOn = addDays(start, 40) <= today ? addDays(start, 40) : today;
      const notBefore = (d: string, start: string | null) => (start && start > d ? start : d);
      for (const g of last.goals)
        g.steps = g.steps.map((s) => ({
          ...s,
          status: s.status === 'done' ? 'done' : 'stopped',
          endedOn: s.endedOn ?? notBefore(endedOn, s.startOn),
          endReason: s.endReason ?? 'moved_on',
        }));
      versions.push({
        ...last,
        evaluation: 'Målen är nådda: började studera och avslutade insatserna. Uppföljning efter sex månader.',
        evaluatedOn: endedOn,
      });
    }
    for (const g of versions[versions.length - 1]!.goals)
      for (const s of g.steps) if (stepBreaches(s).length) throw new Error(`demo step breaks a plan rule: ${s.title}`);
    await writePlan(trx, { municipalityId, kase, versions, signedVersion: stage === 'first' ? null : 1, today });
    made += 1;
    if (stage !== 'first') signed += 1;
  }
  return (
    `${made} action plans (${signed} signed), ` +
    `${cases.filter((c, n) => c.status === 'active' && n % 5 === 0).length} active cases still without one`
  );
}

/**
 * Writes the plan's rows as the last version stands, every version with its change summary, the signature and the
 * timeline events.
 */
async function writePlan(
  trx: Transaction<Database>,
  input: {
    municipalityId: string;
    kase: Input['cases'][number];
    versions: PlanDocument[];
    signedVersion: number | null;
    today: string;
  },
) {
  const { kase, versions } = input;
  const owner = { municipality_id: input.municipalityId, person_id: kase.person_id };
  const final = versions[versions.length - 1]!;
  const planId = randomUUID();
  const actor = kase.contact_person_id;
  await trx
    .insertInto('action_plans')
    .values({
      ...owner,
      id: planId,
      case_id: kase.id,
      version: versions.length,
      follow_up_on: final.followUpOn,
      evaluation: final.evaluation,
      evaluated_on: final.evaluatedOn,
      updated_by: actor,
      created_by: actor,
    })
    .execute();
  const allGoals = new Map(versions.flatMap((v) => v.goals).map((g) => [g.id, g]));
  const finalIds = new Set(final.goals.map((g) => g.id));
  const goalRows = [...allGoals.values()].map((g, position) => ({
    ...owner,
    plan_id: planId,
    id: g.id,
    area: g.area,
    title: g.title,
    own_words: g.ownWords,
    position,
    removed_at: finalIds.has(g.id) ? null : new Date(),
  }));
  await trx.insertInto('plan_goals').values(goalRows).execute();
  const subGoals = final.goals.flatMap((g) =>
    g.subGoals.map((s, position) => ({
      ...owner,
      plan_id: planId,
      goal_id: g.id,
      id: s.id,
      title: s.title,
      done: s.done,
      position,
    })),
  );
  if (subGoals.length) await trx.insertInto('plan_subgoals').values(subGoals).execute();
  const steps = final.goals.flatMap((g) =>
    g.steps.map((s, position) => ({
      ...owner,
      plan_id: planId,
      goal_id: g.id,
      id: s.id,
      title: s.title,
      responsible_kind: s.responsibleKind,
      responsible_unit_id: s.responsibleUnitId,
      responsible_other: s.responsibleOther,
      start_on: s.startOn,
      due_on: s.dueOn,
      status: s.status,
      ended_on: s.endedOn,
      end_reason: s.endReason,
      follow_up_on: s.followUpOn,
      position,
    })),
  );
  if (steps.length) await trx.insertInto('plan_steps').values(steps).execute();
  const base = { ...owner, case_id: kase.id, actor_id: actor, category: 'assessment_plan' as const };
  for (const [i, document] of versions.entries()) {
    const version = i + 1;
    const savedOn = addDays(versions[0]!.goals[0]?.steps[0]?.startOn ?? input.today, i * 12 - 1);
    const changedAt = new Date(`${savedOn <= input.today ? savedOn : input.today}T10:00:00Z`);
    const summary = planChangeSummary(i === 0 ? null : versions[i - 1]!, document);
    await trx
      .insertInto('plan_versions')
      .values({
        ...owner,
        plan_id: planId,
        version,
        document: JSON.stringify(document),
        summary: JSON.stringify(summary),
        changed_by: actor,
        changed_at: changedAt,
      })
      .execute();
    const event =
      i === 0
        ? eventRow(base, 'plan_created', {
            planId,
            version,
            goalAreas: document.goals.map((g) => g.area),
            steps: document.goals.reduce((n, g) => n + g.steps.length, 0),
          })
        : eventRow(base, 'plan_updated', { planId, version, summary });
    await trx
      .insertInto('events')
      .values({ ...event, occurred_at: changedAt })
      .execute();
    if (input.signedVersion === version) {
      const signedOn = changedAt.toISOString().slice(0, 10);
      await trx
        .insertInto('plan_signatures')
        .values({
          ...owner,
          plan_id: planId,
          version,
          signed_by: 'young_person',
          method: 'in_lotsa',
          signed_on: signedOn,
          recorded_by: actor,
        })
        .execute();
      await trx
        .insertInto('events')
        .values({
          ...eventRow(base, 'plan_signed', { planId, version, signedBy: 'young_person', method: 'in_lotsa', signedOn }),
          occurred_at: changedAt,
        })
        .execute();
    }
  }
}
