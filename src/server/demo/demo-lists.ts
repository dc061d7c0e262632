/**
 * Sample source lists for the demo municipality, so reconciliation can be tried: a population list
 * of everyone in the demo register (two with a new address, five gone: moved away) and eight young
 * people Lotsa does not know yet; an enrolment list in which the newcomers and those in the
 * register dropped out of upper secondary school and two started again; and the same population
 * list cut short after 20 rows, which the register guard holds back. Test identity numbers only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ageOn, parseIdentityNumber } from '../../core/personnummer.js';
import { COLUMNS } from '../../core/source-lists.js';
import type { Db } from '../db/connection.js';
import { demoIdentityNumbers } from './demo.js';

/** The files written, by what they are for. */
export const DEMO_LIST_FILES = {
  population: 'folkbokforing.csv',
  enrolments: 'inskrivningar.csv',
  truncated: 'folkbokforing-ofullstandig.csv',
} as const;

type Row = Record<string, string>;
const csv = (kind: keyof typeof COLUMNS, rows: Row[]) =>
  `${[COLUMNS[kind].join(','), ...rows.map((r) => COLUMNS[kind].map((c) => r[c] ?? '').join(','))].join('\n')}\n`;
const day = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (d: Date, n: number) => new Date(d.getTime() - n * 86_400_000);

/** Compulsory school finished at 16, upper secondary begun that autumn; `gy` overrides the latter. */
function schooling(pnr: string, birthYear: number, gy: Row): Row[] {
  const gr = {
    personal_identity_number: pnr,
    school_unit_code: '12345678',
    school_unit_name: 'Kyrktorpsskolan',
    school_type: 'GR',
    start_date: `${birthYear + 7}-08-15`,
    end_date: `${birthYear + 16}-06-10`,
    end_reason: 'completed',
    qualification: 'none',
  };
  return [
    gr,
    {
      personal_identity_number: pnr,
      school_unit_code: '87654321',
      school_unit_name: 'Demogymnasiet',
      school_type: 'GY',
      programme_code: 'NA',
      start_date: `${birthYear + 16}-08-18`,
      ...gy,
    },
  ];
}

/** Writes the sample lists for `municipalityId` into `dir`; returns a line per file for the operator. */
export async function writeDemoLists(
  db: Db,
  municipalityId: string,
  dir: string,
  today = new Date(),
): Promise<string[]> {
  const { code } = await db
    .selectFrom('municipalities')
    .select('code')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  const inRegister = await db
    .selectFrom('persons')
    .innerJoin('register_periods', 'register_periods.person_id', 'persons.id')
    .select([
      'persons.personal_identity_number as pnr',
      'given_name',
      'family_name',
      'street_address',
      'postal_code',
      'city',
      'protected_identity',
      'birth_date',
    ])
    .where('persons.municipality_id', '=', municipalityId)
    .where('register_periods.left_on', 'is', null)
    .orderBy('persons.personal_identity_number')
    .execute();
  const known = new Set(
    (
      await db
        .selectFrom('persons')
        .select('personal_identity_number')
        .where('municipality_id', '=', municipalityId)
        .execute()
    ).map((p) => p.personal_identity_number.trim()),
  );
  const newcomers = demoIdentityNumbers(today)
    .filter((pnr) => !known.has(pnr))
    .filter((pnr) => {
      const parsed = parseIdentityNumber(pnr, today);
      return parsed.ok && ageOn(parsed.value.birthDate, today) < 19;
    })
    .slice(0, 8);

  const resident = (r: Partial<Row> & { pnr: string }): Row => ({
    personal_identity_number: r.pnr,
    municipality_code: code,
    protected_identity: r.protected_identity ?? 'nej',
    registered_since: '2010-01-01',
    ...r,
  });
  const interrupted = { end_date: day(daysBefore(today, 45)), end_reason: 'interrupted', qualification: 'none' };
  const population: Row[] = [];
  const enrolments: Row[] = [];
  inRegister.forEach((p, i) => {
    const pnr = p.pnr.trim();
    if (i % 30 === 11) return; // moved away: not in the list, leaves the register
    const moved = i % 40 === 5;
    population.push(
      resident({
        pnr,
        given_name: p.given_name,
        family_name: p.family_name,
        street_address: moved ? 'Nya gatan 3' : (p.street_address ?? ''),
        postal_code: p.postal_code ?? '',
        city: p.city ?? '',
        protected_identity: p.protected_identity ? 'ja' : 'nej',
      }),
    );
    const started = i % 50 === 17; // began upper secondary again: leaves the register
    enrolments.push(
      ...schooling(
        pnr,
        Number(p.birth_date.slice(0, 4)),
        started
          ? { start_date: day(daysBefore(today, 20)), end_date: '', end_reason: '', qualification: '' }
          : interrupted,
      ),
    );
  });
  newcomers.forEach((pnr, i) => {
    population.push(
      resident({
        pnr,
        given_name: ['Ebba', 'Noah', 'Wilma', 'Liam', 'Saga', 'Hugo', 'Alma', 'Elias'][i]!,
        family_name: 'Demosson',
        street_address: `Provgatan ${i + 1}`,
        postal_code: '433 30',
        city: 'Partille',
      }),
    );
    enrolments.push(...schooling(pnr, Number(pnr.slice(0, 4)), interrupted));
  });

  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, DEMO_LIST_FILES.population), csv('population', population));
  writeFileSync(path.join(dir, DEMO_LIST_FILES.enrolments), csv('enrolments', enrolments));
  writeFileSync(path.join(dir, DEMO_LIST_FILES.truncated), csv('population', population.slice(0, 20)));
  return [
    `Sample lists to try reconciliation with (Importera listor, then Stäm av registret), in ${dir}:`,
    `  ${DEMO_LIST_FILES.population}  population list, ${population.length} residents (${newcomers.length} new, ` +
      `some moved away)`,
    `  ${DEMO_LIST_FILES.enrolments}  enrolment list, ${enrolments.length} rows`,
    `  ${DEMO_LIST_FILES.truncated}  the population list cut short after 20 rows: see the register guard hold it back`,
  ];
}
