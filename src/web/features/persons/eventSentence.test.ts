import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORED_EVENTS, STORED_STAFF, type StoredEvent } from '../../../core/events/stored-events.testdata.js';
import type { TimelineEvent } from '../../../core/schemas.js';
import en from '../../i18n/en.json' with { type: 'json' };
import sv from '../../i18n/sv.json' with { type: 'json' };
import { eventSentence, type SentenceTools } from './eventSentence.js';
import { CASE_STATUSES } from '../../../core/cases.js';
import { APPLICATION_STATUSES, REFERRERS } from '../../../core/consent.js';
import { ATTEMPT_CHANNELS, CHECK_OUTCOMES, CONTACT_OUTCOMES, MEETING_KINDS } from '../../../core/outreach.js';
import { ENTRY_REASONS, LEAVE_REASONS, NOTIFICATION_KINDS } from '../../../core/register.js';
import { RULES } from '../../../core/eligibility.js';

const i18n = i18next.createInstance();
let tools: SentenceTools;
beforeAll(async () => {
  await i18n.init({
    lng: 'sv',
    fallbackLng: 'sv',
    resources: { sv: { translation: sv }, en: { translation: en } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  tools = {
    t: i18n.t as SentenceTools['t'],
    format: { date: (d) => `[${d}]`, dateTime: (d) => `[${d}]` },
    names: new Map([[STORED_STAFF.coach, 'Kim Coach']]),
  };
});

const event = (stored: Pick<StoredEvent, 'type' | 'payload'>, rest: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  type: stored.type as TimelineEvent['type'],
  occurredAt: '2026-12-01T10:00:00.000Z',
  actor: { id: STORED_STAFF.colleague, name: 'Alex Handläggare' },
  payload: stored.payload,
  correctsEventId: null,
  correctedBy: null,
  category: 'contact_occupation',
  ...rest,
});
const sentenceOf = (name: string, lng: 'sv' | 'en' = 'sv') => {
  const stored = STORED_EVENTS.find((s) => s.name === name)!;
  return eventSentence(event(stored), { ...tools, t: i18n.getFixedT(lng) as SentenceTools['t'] });
};

describe('the sentence of a timeline event', () => {
  it('says what each event stored by earlier code was, never the generic sentence', () => {
    const generic = i18n.t('events.sentences.unknown');
    for (const stored of STORED_EVENTS) {
      for (const lng of ['sv', 'en'] as const) {
        const text = eventSentence(event(stored), { ...tools, t: i18n.getFixedT(lng) as SentenceTools['t'] });
        expect(text, `${stored.name} (${lng})`).not.toBe(generic);
        // Every label was found: no key path and no raw code leaks into the sentence.
        expect(text, `${stored.name} (${lng})`).not.toMatch(
          /\b(events|consentEvents|register|applications|calendar|status)\.[a-z]/,
        );
      }
    }
  });

  it('names staff from the payload, else from the names it knows, else as a colleague', () => {
    expect(sentenceOf('contact person set')).toBe('Alex Handläggare gjorde Test Coach till kontaktperson.');
    expect(sentenceOf('contact person set, first demo (id only)')).toBe(
      'Alex Handläggare gjorde Kim Coach till kontaktperson.',
    );
    expect(
      eventSentence(
        event({ type: 'contact_person_changed', payload: { from: null, to: { id: STORED_STAFF.colleague } } }),
        tools,
      ),
    ).toBe('Alex Handläggare gjorde en medarbetare till kontaktperson.');
    expect(sentenceOf('contact person removed')).toBe('Alex Handläggare tog bort Test Colleague som kontaktperson.');
  });

  it('gives the register events their reason, day and rule when stored, and leaves out what old rows lack', () => {
    expect(sentenceOf('entered the register (reconciliation)')).toBe(
      'Personen fördes in i registret per [2026-08-15]. Skäl: ' + i18n.t('register.entry.dropped_out') + '.',
    );
    expect(sentenceOf('entered the register, first demo (no date)')).toBe(
      'Personen fördes in i registret. Skäl: ' + i18n.t('register.entry.moved_in') + '.',
    );
    expect(sentenceOf('left the register (reconciliation)')).toContain('Enligt listorna: Började gymnasiet.');
    expect(sentenceOf('left the register, first demo (no rule, no date)')).toBe(
      'Personen fördes ut ur registret. Skäl: ' + i18n.t('register.leave.moved_out') + '.',
    );
  });

  it('tells a check step from a contact attempt, and reads attempts of the first version', () => {
    expect(sentenceOf('check step')).toBe(
      'Alex Handläggare registrerade steget stämma av med skolan: avbrott bekräftat.',
    );
    expect(sentenceOf('contact attempt, first version (channel and outcome only)')).toBe(
      'Alex Handläggare försökte nå personen via sms: inget svar.',
    );
    expect(sentenceOf('letter recorded as reached before the stricter rule')).toBe(
      'Alex Handläggare försökte nå personen via brev: nådd.',
    );
  });

  it('names the school by name, else by its unit code', () => {
    expect(sentenceOf('school notification')).toBe('Skolenhet 87654321 anmälde betydande frånvaro den [2026-11-02].');
  });

  it('says who acted, or Lotsa when nobody did, and a correction as such', () => {
    expect(eventSentence(event({ type: 'case_opened', payload: {} }, { actor: null }), tools)).toBe(
      'Lotsa öppnade ett ärende.',
    );
    expect(
      eventSentence(
        event({ type: 'note', payload: { text: 'x' } }, { correctsEventId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }),
        tools,
      ),
    ).toBe('Alex Handläggare rättade en anteckning.');
  });

  it('adds the activities a closing ended, and says nothing of them on a closing that ended none', () => {
    const closed = {
      outcome: 'work',
      outcomeListVersion: '2026-12',
      studyForm: null,
      closedOn: '2026-12-01',
      occupation: 'work',
      measuresEnded: 0,
      measureEndReason: 'moved_on_work',
    };
    const said = (payload: Record<string, unknown>, lng: 'sv' | 'en' = 'sv') =>
      eventSentence(event({ type: 'case_closed', payload }), {
        ...tools,
        t: i18n.getFixedT(lng) as SentenceTools['t'],
      });
    const plain = 'Alex Handläggare avslutade ärendet [2026-12-01]: ' + i18n.t('outcomes.codes.work') + '.';
    expect(said(closed)).toBe(plain);
    expect(said({ ...closed, enrolmentsEnded: 0 })).toBe(plain);
    expect(said({ ...closed, enrolmentsEnded: 1 })).toBe(`${plain} Inskrivningen i en aktivitet avslutades samma dag.`);
    expect(said({ ...closed, enrolmentsEnded: 2 }, 'en')).toMatch(
      /The enrolments in 2 activities ended the same day\.$/,
    );
  });

  it('falls back to the generic sentence for a payload that does not fit its type', () => {
    const generic = i18n.t('events.sentences.unknown');
    expect(eventSentence(event({ type: 'case_status_changed', payload: { from: 'new', to: 'archived' } }), tools)).toBe(
      generic,
    );
    expect(eventSentence(event({ type: 'contact_person_changed', payload: { to: 'Kim' } }), tools)).toBe(generic);
    expect(eventSentence(event({ type: 'no_such_event', payload: {} }), tools)).toBe(generic);
  });

  it('has a label in both languages for every value a typed payload can hold', () => {
    const labels: [string, readonly string[]][] = [
      ['status', CASE_STATUSES],
      ['register.entry', ENTRY_REASONS],
      ['register.leave', LEAVE_REASONS],
      ['register.rules', Object.keys(RULES)],
      ['events.channels', ATTEMPT_CHANNELS],
      ['events.outcomes', [...CONTACT_OUTCOMES, ...CHECK_OUTCOMES]],
      ['events.notificationKinds', NOTIFICATION_KINDS],
      ['applications.referrer', REFERRERS],
      ['applications.status', APPLICATION_STATUSES],
      ['calendar.kinds', MEETING_KINDS],
    ];
    for (const lng of ['sv', 'en'] as const) {
      for (const [prefix, values] of labels)
        for (const value of values)
          expect(i18n.exists(`${prefix}.${value}`, { lng }), `${lng} ${prefix}.${value}`).toBe(true);
    }
  });
});
