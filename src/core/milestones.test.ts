import { describe, expect, it } from 'vitest';
import { caseMilestones, type MilestoneFacts } from './milestones.js';

const facts = (over: Partial<MilestoneFacts> = {}): MilestoneFacts => ({
  openedOn: '2026-03-10',
  closedOn: '2026-09-30',
  periods: [],
  conversationDays: [],
  assessmentDays: [],
  measureDays: [],
  ...over,
});
const period = (enteredOn: string, leftOn: string | null = null, leaveReason: string | null = null) => ({
  enteredOn,
  leftOn,
  leaveReason,
});

describe('where a case starts', () => {
  it('starts on the register entry of the period open on the opening day', () => {
    expect(caseMilestones(facts({ periods: [period('2026-02-01')] })).startedOn).toBe('2026-02-01');
    expect(caseMilestones(facts({ periods: [period('2026-02-01', '2026-03-10', 'moved_out')] })).startedOn).toBe(
      '2026-02-01',
    );
  });

  it('starts on the opening day when no period is open that day', () => {
    expect(caseMilestones(facts()).startedOn).toBe('2026-03-10');
    expect(caseMilestones(facts({ periods: [period('2025-09-01', '2026-03-09', 'moved_out')] })).startedOn).toBe(
      '2026-03-10',
    );
    expect(caseMilestones(facts({ periods: [period('2026-04-01')] })).startedOn).toBe('2026-03-10');
  });

  it('takes the latest entry when two periods are open on the opening day', () => {
    const periods = [period('2025-08-01'), period('2026-01-15')];
    expect(caseMilestones(facts({ periods })).startedOn).toBe('2026-01-15');
  });
});

describe('the first steps from the start', () => {
  it('counts the first conversation, completed assessment and measure on or after the start, not before', () => {
    const m = caseMilestones(
      facts({
        periods: [period('2026-02-01')],
        conversationDays: ['2026-03-20', '2026-01-20', '2026-02-01'],
        assessmentDays: ['2026-01-31', '2026-04-02'],
        measureDays: ['2026-05-01', '2026-04-15'],
      }),
    );
    expect(m).toMatchObject({ firstContactOn: '2026-02-01', assessedOn: '2026-04-02', firstMeasureOn: '2026-04-15' });
  });

  it('has none while nothing has happened since the start', () => {
    const m = caseMilestones(facts({ conversationDays: ['2026-03-09'] }));
    expect(m).toMatchObject({ firstContactOn: null, assessedOn: null, firstMeasureOn: null });
  });
});

describe('what the register says of the diploma', () => {
  it('says yes when a period ended completed by the closing day, no when in the register, else nothing', () => {
    expect(caseMilestones(facts({ periods: [period('2026-01-01', '2026-06-01', 'completed')] })).registerDiploma).toBe(
      'yes',
    );
    expect(caseMilestones(facts({ periods: [period('2026-01-01', '2026-10-01', 'completed')] })).registerDiploma).toBe(
      'no',
    );
    expect(caseMilestones(facts()).registerDiploma).toBeNull();
  });

  it('leaves out periods entered after the closing day, and reads a case still open as never closing', () => {
    const later = [period('2026-10-01', '2026-11-01', 'completed')];
    expect(caseMilestones(facts({ periods: later })).registerDiploma).toBeNull();
    expect(caseMilestones(facts({ periods: later, closedOn: null })).registerDiploma).toBe('yes');
  });
});
