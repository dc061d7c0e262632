import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvent } from '../../core/events/index.js';
import { eventRow } from './events.js';

const SERVER = path.resolve(import.meta.dirname, '..');
/** Every source file of the server but tests. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    if (d.isDirectory()) return sources(file);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [file] : [];
  });

describe('timeline event rows', () => {
  it('carry the payload as checked by its schema, with what old rows may lack filled in', () => {
    const row = eventRow({ municipality_id: 'm', person_id: 'p', actor_id: null }, 'contact_person_changed', { from: null, to: { id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'Kim' } });
    expect(row).toMatchObject({ type: 'contact_person_changed', municipality_id: 'm', person_id: 'p' });
    expect(readEvent(row.type, JSON.parse(row.payload as string))).toEqual({ type: 'contact_person_changed', payload: { from: null, to: { id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'Kim' } } });
  });

  it('refuse a payload that does not fit, before anything is written', () => {
    expect(() => eventRow({ municipality_id: 'm', person_id: 'p' }, 'case_status_changed', { from: 'new', to: 'gone' as never })).toThrow();
  });

  it('are built through eventRow or eventPayload wherever the server writes events', () => {
    const offenders: string[] = [];
    for (const file of sources(SERVER).filter((f) => f !== path.join(SERVER, 'db', 'events.ts'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/insertInto\('events'\)/g)) {
        const values = text.slice(match.index, match.index + 400).match(/\.values\(([\s\S]{0,120})/);
        // `.values(eventRow(...))`, or `.values(rows.map((r) => eventRow(...)))`.
        if (!values || !/^\s*(eventRow\(|[\w.]+\.map\(\(?\w*\)?\s*=>\s*eventRow\(|\[\s*eventRow\()/.test(values[1]!)) offenders.push(`${path.relative(SERVER, file)}: ${text.slice(match.index, match.index + 80)}`);
      }
      if (/insertMany\([^)]*'events'/.test(text) && !text.includes('eventPayload(')) offenders.push(`${path.relative(SERVER, file)}: insertMany into events without eventPayload`);
      if (/\binsert\('events'/.test(text) && !text.includes('eventRow(')) offenders.push(`${path.relative(SERVER, file)}: demo insert of events without eventRow`);
    }
    expect(offenders).toEqual([]);
  });
});
