import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../core/schemas.js';
import en from '../../i18n/en.json' with { type: 'json' };
import sv from '../../i18n/sv.json' with { type: 'json' };
import { eventSentence, type SentenceTools } from '../persons/eventSentence.js';
import { newEnrolDraft } from './EnrolPanel.js';

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
    names: new Map(),
  };
});

const ACTIVITY = { id: '3d9e1c2b-7a6f-4e5d-9c8b-1a2b3c4d5e6f', title: 'Arbetsliv' };
const event = (type: string, payload: Record<string, unknown>): TimelineEvent => ({
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  type: type as TimelineEvent['type'],
  occurredAt: '2026-12-07T10:00:00.000Z',
  actor: { id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'Kim Coach' },
  payload,
  correctsEventId: null,
  correctedBy: null,
  category: 'contact_occupation',
});
const sentence = (type: string, payload: Record<string, unknown>, lng: 'sv' | 'en' = 'sv') =>
  eventSentence(event(type, payload), { ...tools, t: i18n.getFixedT(lng) as SentenceTools['t'] });
const attendance = { activity: ACTIVITY, sessionId: `${ACTIVITY.id}_2026-12-07`, occursOn: '2026-12-07' };

describe('the timeline sentences of enrolments and attendance', () => {
  it('says who enrolled the person in which activity, from when and to when', () => {
    const enrolment = { enrolmentId: ACTIVITY.id, activity: ACTIVITY, from: '2026-12-07' };
    expect(sentence('activity_enrolled', { ...enrolment, to: null })).toBe(
      'Kim Coach anmälde personen till Arbetsliv från och med [2026-12-07].',
    );
    expect(sentence('activity_enrolled', { ...enrolment, to: '2027-01-25' }, 'en')).toBe(
      'Kim Coach enrolled the person in Arbetsliv from [2026-12-07] to [2027-01-25].',
    );
    expect(sentence('activity_enrolment_ended', { ...enrolment, to: '2027-01-25' })).toBe(
      'Kim Coach avslutade anmälan till Arbetsliv per [2027-01-25].',
    );
  });

  it('says a status, an absence and a correction in words', () => {
    expect(sentence('attendance_recorded', { ...attendance, status: 'late', previousStatus: null })).toBe(
      'Kim Coach registrerade närvaro vid Arbetsliv [2026-12-07]: sen.',
    );
    expect(sentence('attendance_recorded', { ...attendance, status: 'absent', previousStatus: null }, 'en')).toBe(
      'Kim Coach recorded an absence from Arbetsliv on [2026-12-07].',
    );
    expect(sentence('attendance_recorded', { ...attendance, status: 'excused', previousStatus: 'absent' })).toBe(
      'Kim Coach rättade närvaron vid Arbetsliv [2026-12-07] från frånvarande till giltig frånvaro.',
    );
  });

  it('falls back to the generic sentence for a payload that does not fit', () => {
    expect(sentence('attendance_recorded', { ...attendance, status: 'asleep', previousStatus: null })).toBe(
      i18n.t('events.sentences.unknown'),
    );
  });
});

describe('a new enrolment', () => {
  it('starts today in Sweden, not on the browser’s day', () => {
    // 23:30 UTC on 6 December is 00:30 on 7 December in Sweden.
    expect(newEnrolDraft(new Date('2026-12-06T23:30:00Z')).from).toBe('2026-12-07');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Swedish summer time.
    expect(newEnrolDraft(new Date('2026-06-30T22:30:00Z')).from).toBe('2026-07-01');
  });
});
