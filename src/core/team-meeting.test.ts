import { describe, expect, it } from 'vitest';
import {
  APPLICATION_DECISION_KINDS,
  decidesApplication,
  decisionCategory,
  TEAM_DECISION_KINDS,
} from './team-meeting.js';

describe('team meeting decisions', () => {
  it('answer an application only when accepted, put on the waiting list or declined', () => {
    expect(TEAM_DECISION_KINDS.filter(decidesApplication)).toEqual([...APPLICATION_DECISION_KINDS]);
    expect(decidesApplication('closing')).toBe(false);
  });

  it('are recorded as contact information for a change of contact person, else as the plan', () => {
    expect(decisionCategory('contact_person_change')).toBe('contact_occupation');
    for (const kind of TEAM_DECISION_KINDS.filter((k) => k !== 'contact_person_change')) {
      expect(decisionCategory(kind), kind).toBe('assessment_plan');
    }
  });
});
