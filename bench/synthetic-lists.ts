/**
 * Synthetic population and enrolment lists for the register benchmark, written as a stream with
 * bounded memory (one person's rows at a time, plus a small write buffer).
 *
 * The personal identity numbers made here are checksum-valid (Luhn over the last ten digits, a real
 * date) but are NOT Skatteverket's test numbers: any of them may belong to a real person. They must
 * only ever go into a throw-away benchmark database, never into a demo, fixture, test or real
 * database. bench/register.ts creates and drops such a database around every run.
 *
 * The generator also works out, with Lotsa's own eligibility rules from src/core, how many persons
 * should end up in the KAA register, so a benchmark run can check the real path's answer.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import {
  eligibility,
  type EnrolmentFacts,
  type EndReason,
  type Qualification,
  type SchoolType,
} from '../src/core/eligibility.js';
import type { EntryReason } from '../src/core/register.js';

/** What to generate. */
export type SyntheticListOptions = {
  /** Directory the two files are written to. */
  dir: string;
  /** Rows in population.csv, one per person. */
  persons: number;
  /** Rows in enrolments.csv, exactly. Must be at least about 0.8 × persons (see the scenario mix). */
  enrolmentRows: number;
  /** The home municipality (most persons are registered here). */
  municipalityCode: string;
  /** Valid municipalities (reference/municipalities.csv), for the ~1 % registered elsewhere. */
  municipalities: readonly Municipality[];
  /** The day the register is reconciled for, YYYY-MM-DD; every date written is on or before it. */
  asOf: string;
  /** Seed of the pseudo-random generator; the same seed gives the same files. */
  seed?: number;
};

/** What a person's history looks like; decides their enrolment rows. */
export type Scenario =
  | 'grade9'
  | 'normal'
  | 'studiebevis'
  | 'dropout'
  | 'transfer'
  | 'intro'
  | 'gyan'
  | 'equivalent'
  | 'neverStarted'
  | 'turned20';

/** What was written, and what Lotsa should make of it on `asOf`. */
export type SyntheticListsResult = {
  populationPath: string;
  enrolmentsPath: string;
  populationRows: number;
  enrolmentRows: number;
  populationBytes: number;
  enrolmentBytes: number;
  seconds: number;
  /** Highest resident set size of this process seen while generating, in bytes. */
  peakRssBytes: number;
  scenarios: Record<Scenario, number>;
  expected: {
    /** Persons registered in another municipality: their population rows should be rejected. */
    otherMunicipality: number;
    protectedIdentity: number;
    /** Persons in the home municipality's KAA register on `asOf`, by Lotsa's rules. */
    inRegister: number;
    byReason: Partial<Record<EntryReason, number>>;
  };
};

/** A municipality by its SCB code and short name. */
export type Municipality = { code: string; name: string };

/** Reads reference/municipalities.csv (header `code,name`). */
export function loadMunicipalities(file: string): Municipality[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => {
      const [code = '', name = ''] = line.trim().split(',');
      return { code, name };
    })
    .filter((m) => /^\d{4}$/.test(m.code));
}

/** The Luhn check digit for the nine digits YYMMDDNNN of a personal identity number. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = (nineDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A small seeded pseudo-random generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Random = ReturnType<typeof random>;

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => fromDay(toDay(iso) + n);
const pad2 = (n: number) => String(n).padStart(2, '0');
const minIso = (a: string, b: string) => (a < b ? a : b);

/** Birth years and their share of the population; tuned so that about 10 % end up in the register. */
const BIRTH_YEARS: readonly [number, number][] = [
  [2005, 0.08],
  [2006, 0.12],
  [2007, 0.17],
  [2008, 0.17],
  [2009, 0.17],
  [2010, 0.17],
  [2011, 0.12],
];

/** Scenario mix for persons who have left compulsory school; the rest are `normal`. */
const MIX: readonly [Scenario, number][] = [
  ['neverStarted', 0.045],
  ['gyan', 0.015],
  ['intro', 0.06],
  ['dropout', 0.1],
  ['transfer', 0.03],
  ['studiebevis', 0.08],
  ['equivalent', 0.005],
];

const GIVEN_NAMES = [
  'Alva',
  'Elsa',
  'Maja',
  'Wilma',
  'Ebba',
  'Saga',
  'Alice',
  'Agnes',
  'Freja',
  'Selma',
  'Linnéa',
  'Amira',
  'Hanna',
  'Tilde',
  'Åsa',
  'Märta',
  'Zeynep',
  'Fatima',
  'Oscar',
  'William',
  'Lucas',
  'Hugo',
  'Elias',
  'Noah',
  'Adam',
  'Ali',
  'Viktor',
  'Axel',
  'Filip',
  'Isak',
  'Melvin',
  'Emil',
  'Omar',
  'Ludvig',
  'Edvin',
  'Sixten',
  'Björn',
  'Måns',
  'Jörgen',
  'Mehmet',
];
const FAMILY_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Lindström',
  'Öberg',
  'Åberg',
  'Ström',
  'Sjögren',
  'Bäckström',
  'Ahmed',
  'Hassan',
  'Mohammed',
  'Nguyen',
  'Kaya',
  'Novak',
  'Yilmaz',
  'Holm',
];
const STREETS = [
  'Vasagatan',
  'Linnégatan',
  'Kungsportsavenyn',
  'Övre Husargatan',
  'Friggagatan',
  'Hjalmar Brantingsgatan',
  'Tuvevägen',
  'Selma Lagerlöfs torg',
  'Frölunda torg',
  'Angereds torg',
  'Lärjungegatan',
  'Västra Frölundavägen',
  'Säterigatan',
  'Eketrägatan',
  'Smörslottsgatan',
  'Åkeredsvägen',
];
const POST_AREAS: readonly [string, string][] = [
  ['41', 'Göteborg'],
  ['42', 'Västra Frölunda'],
  ['42', 'Hisings Backa'],
  ['42', 'Angered'],
  ['42', 'Torslanda'],
  ['43', 'Askim'],
];
const NATIONAL_PROGRAMMES = [
  'BA',
  'BF',
  'EE',
  'EK',
  'ES',
  'FT',
  'HA',
  'HT',
  'HU',
  'IN',
  'NA',
  'NA',
  'SA',
  'SA',
  'TE',
  'TE',
  'VF',
  'VO',
];
const INTRO_PROGRAMMES = ['IMA', 'IMF', 'IMS', 'IMY'];

type SchoolUnit = { code: string; name: string };

/** Makes `count` school units with distinct eight-digit codes. */
function schoolUnits(rng: Random, count: number, label: string, used: Set<string>): SchoolUnit[] {
  const areas = [
    'Angered',
    'Backa',
    'Bergsjö',
    'Biskopsgården',
    'Frölunda',
    'Gamlestaden',
    'Hisingen',
    'Kortedala',
    'Lindholmen',
    'Majorna',
    'Centrum',
    'Örgryte',
    'Högsbo',
    'Torslanda',
    'Tynnered',
    'Älvsborg',
  ];
  const units: SchoolUnit[] = [];
  while (units.length < count) {
    const code = String(rng.int(10_000_000, 99_999_999));
    if (used.has(code)) continue;
    used.add(code);
    units.push({ code, name: `${rng.pick(areas)} ${label} ${units.length + 1}` });
  }
  return units;
}

/** Collects lines and writes them in chunks of about 256 kB, waiting when the stream is full. */
class ChunkWriter {
  private buffer = '';
  bytes = 0;
  rows = 0;
  constructor(private readonly stream: WriteStream) {}

  /** Adds one line; true when the caller should `await flush()`. */
  add(line: string): boolean {
    this.buffer += `${line}\n`;
    this.rows++;
    return this.buffer.length >= 256 * 1024;
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}

/** One enrolment of a person, with the text of its row. */
type Enrolment = EnrolmentFacts & { unit: SchoolUnit; programme: string };

const enrolmentLine = (pnr: string, e: Enrolment) =>
  [
    pnr,
    e.unit.code,
    e.unit.name,
    e.schoolType,
    e.programme,
    e.startDate,
    e.endDate ?? '',
    e.endReason ?? '',
    e.qualification ?? '',
  ].join(',');

/** Writes population.csv and enrolments.csv into `options.dir`; see SyntheticListOptions. */
export async function writeSyntheticLists(options: SyntheticListOptions): Promise<SyntheticListsResult> {
  const started = process.hrtime.bigint();
  const rng = random(options.seed ?? 20261125);
  const asOf = options.asOf;
  const asOfYear = Number(asOf.slice(0, 4));
  const others = options.municipalities.filter((m) => m.code !== options.municipalityCode);
  if (!others.length) throw new Error('no other municipalities to register persons in');
  const usedCodes = new Set<string>();
  const grUnits = schoolUnits(rng, 160, 'grundskola', usedCodes);
  const granUnits = schoolUnits(rng, 12, 'anpassad grundskola', usedCodes);
  const gyUnits = schoolUnits(rng, 70, 'gymnasium', usedCodes);
  const gyanUnits = schoolUnits(rng, 8, 'anpassad gymnasieskola', usedCodes);
  const vuxUnits = schoolUnits(rng, 6, 'vuxenutbildning', usedCodes);
  const fhskUnits = schoolUnits(rng, 4, 'folkhögskola', usedCodes);
  const otherUnits = schoolUnits(rng, 3, 'internationella skola', usedCodes);

  const populationPath = path.join(options.dir, 'population.csv');
  const enrolmentsPath = path.join(options.dir, 'enrolments.csv');
  const population = new ChunkWriter(createWriteStream(populationPath));
  const enrolments = new ChunkWriter(createWriteStream(enrolmentsPath));
  population.add(
    'personal_identity_number,given_name,family_name,street_address,postal_code,city,' +
      'municipality_code,protected_identity,registered_since',
  );
  enrolments.add(
    'personal_identity_number,school_unit_code,school_unit_name,school_type,programme_code,' +
      'start_date,end_date,end_reason,qualification',
  );

  // Serial numbers handed out per birth day, so every identity number is unique.
  const firstDay = toDay('2005-01-01');
  const perDay = new Uint16Array(7 * 366 + 1);
  const scenarios = Object.fromEntries(
    ['grade9', 'turned20', ...MIX.map(([s]) => s), 'normal'].map((s) => [s, 0]),
  ) as Record<Scenario, number>;
  const expected: SyntheticListsResult['expected'] = {
    otherMunicipality: 0,
    protectedIdentity: 0,
    inRegister: 0,
    byReason: {},
  };
  // Rows that may be left out to keep the enrolment file at exactly `enrolmentRows` (they never
  // change who is in the register); the last few are kept to top the file up at the end.
  const SPARE_GAP = Math.min(100, Math.floor(options.enrolmentRows / 100));
  const spare: string[] = [];
  let peakRss = process.memoryUsage().rss;

  for (let i = 0; i < options.persons; i++) {
    // Who: a unique, checksum-valid identity number with a real birth date.
    let year = 2011;
    for (let r = rng.next(), k = 0; k < BIRTH_YEARS.length; k++) {
      const [y, share] = BIRTH_YEARS[k]!;
      if (r < share) {
        year = y;
        break;
      }
      r -= share;
    }
    let serialIndex: number;
    let dayIndex: number;
    do {
      const yearStart = toDay(`${year}-01-01`);
      dayIndex = yearStart + rng.int(0, toDay(`${year + 1}-01-01`) - yearStart - 1) - firstDay;
      serialIndex = perDay[dayIndex]!;
    } while (serialIndex >= 999);
    perDay[dayIndex] = serialIndex + 1;
    const birthDate = fromDay(firstDay + dayIndex);
    const serial = String(((serialIndex * 397 + dayIndex * 131) % 999) + 1).padStart(3, '0');
    const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${serial}`;
    const pnr = `${birthDate.slice(0, 4)}${nine.slice(2)}${luhnCheckDigit(nine)}`;

    // Where they live.
    const home = !rng.chance(0.01);
    const elsewhere = home ? null : rng.pick(others);
    const municipalityCode = elsewhere?.code ?? options.municipalityCode;
    const [postPrefix, city] = elsewhere ? [String(rng.int(10, 98)), elsewhere.name] : rng.pick(POST_AREAS);
    const protectedIdentity = rng.chance(0.003);
    const movedIn = rng.chance(0.12);
    const registeredSince = movedIn ? fromDay(rng.int(toDay(birthDate) + 365, toDay(asOf) - 1)) : birthDate;
    const givenName = rng.pick(GIVEN_NAMES);
    const familyName = rng.chance(0.1) ? `${rng.pick(FAMILY_NAMES)}-${rng.pick(FAMILY_NAMES)}` : rng.pick(FAMILY_NAMES);
    const postalCode = `${postPrefix}${rng.int(0, 9)} ${pad2(rng.int(0, 99))}`;
    if (
      population.add(
        [
          pnr,
          givenName,
          familyName,
          `${rng.pick(STREETS)} ${rng.int(1, 140)}`,
          postalCode,
          city,
          municipalityCode,
          String(protectedIdentity),
          registeredSince,
        ].join(','),
      )
    )
      await population.flush();

    // What they did: core rows decide eligibility; optional rows (an old compulsory-school row,
    // the history of someone already 20) only fill the file up.
    const core: Enrolment[] = [];
    const optional: Enrolment[] = [];
    const scenario = pickScenario(rng, year, birthDate, asOf);
    scenarios[scenario]++;
    const day = (y: number, m: number, from: number, to: number) => `${y}-${pad2(m)}-${pad2(rng.int(from, to))}`;
    const grLeft = day(year + 16, 6, 8, 14);
    const compulsory: Enrolment = {
      schoolType: scenario === 'gyan' ? 'GRAN' : 'GR',
      unit: rng.pick(scenario === 'gyan' ? granUnits : grUnits),
      programme: '',
      startDate: day(year + 7, 8, 16, 22),
      endDate: year + 16 <= asOfYear && grLeft <= asOf ? grLeft : null,
      endReason: null,
      qualification: null,
    };
    if (compulsory.endDate) {
      compulsory.endReason = 'completed';
      compulsory.qualification = rng.chance(0.5) ? 'none' : null;
    }
    optional.push(compulsory);
    const target = scenario === 'turned20' ? optional : core;
    upperSecondary(
      rng,
      scenario === 'turned20' ? 'normal' : scenario,
      year,
      asOf,
      { gyUnits, gyanUnits, vuxUnits, fhskUnits, otherUnits },
      target,
    );

    for (const e of core) if (enrolments.add(enrolmentLine(pnr, e))) await enrolments.flush();
    // Optional rows keep the file on the line from 0 to `enrolmentRows`, a little below it so the
    // core rows of the last persons cannot overshoot; the spare rows close the gap at the end.
    const quota = Math.floor((options.enrolmentRows * (i + 1)) / options.persons) + 1 - SPARE_GAP; // + header
    for (const e of optional) {
      const line = enrolmentLine(pnr, e);
      if (enrolments.rows < quota) {
        if (enrolments.add(line)) await enrolments.flush();
      } else {
        spare.push(line);
        if (spare.length > 4 * SPARE_GAP) spare.shift();
      }
    }

    // What Lotsa should decide.
    if (!home) expected.otherMunicipality++;
    if (protectedIdentity) expected.protectedIdentity++;
    if (home) {
      const verdict = eligibility(
        { birthDate, municipalityCode, registeredSince, enrolments: [...core, ...optional] },
        options.municipalityCode,
        asOf,
      );
      if (verdict.inRegister) {
        expected.inRegister++;
        expected.byReason[verdict.reason] = (expected.byReason[verdict.reason] ?? 0) + 1;
      }
    }
    if (i % 20_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  while (enrolments.rows - 1 < options.enrolmentRows && spare.length) enrolments.add(spare.pop()!);
  if (enrolments.rows - 1 !== options.enrolmentRows) {
    throw new Error(
      `enrolments.csv got ${enrolments.rows - 1} rows, not ${options.enrolmentRows}; change the scenario mix ` +
        `or the row count`,
    );
  }
  await Promise.all([population.close(), enrolments.close()]);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  return {
    populationPath,
    enrolmentsPath,
    populationRows: population.rows - 1,
    enrolmentRows: enrolments.rows - 1,
    populationBytes: population.bytes,
    enrolmentBytes: enrolments.bytes,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    peakRssBytes: peakRss,
    scenarios,
    expected,
  };
}

/** The scenario of one person, by birth year and chance. */
function pickScenario(rng: Random, year: number, birthDate: string, asOf: string): Scenario {
  if (year + 16 > Number(asOf.slice(0, 4))) return 'grade9';
  if (`${year + 20}${birthDate.slice(4)}` <= asOf) return 'turned20';
  let r = rng.next();
  for (const [scenario, share] of MIX) {
    if (r < share) return scenario === 'equivalent' && year + 19 > Number(asOf.slice(0, 4)) ? 'normal' : scenario;
    r -= share;
  }
  return 'normal';
}

type Units = {
  gyUnits: SchoolUnit[];
  gyanUnits: SchoolUnit[];
  vuxUnits: SchoolUnit[];
  fhskUnits: SchoolUnit[];
  otherUnits: SchoolUnit[];
};

/** Adds the enrolments after compulsory school that `scenario` implies to `out`. */
function upperSecondary(
  rng: Random,
  scenario: Scenario,
  year: number,
  asOf: string,
  units: Units,
  out: Enrolment[],
): void {
  if (scenario === 'grade9') return;
  const asOfYear = Number(asOf.slice(0, 4));
  const day = (y: number, m: number, from: number, to: number) => `${y}-${pad2(m)}-${pad2(rng.int(from, to))}`;
  const yesterday = addDays(asOf, -1);
  const start = day(year + 16, 8, 15, 22);
  const enrol = (schoolType: SchoolType, unit: SchoolUnit, programme: string, startDate: string): Enrolment => ({
    schoolType,
    unit,
    programme,
    startDate,
    endDate: null,
    endReason: null,
    qualification: null,
  });
  const end = (e: Enrolment, endDate: string, endReason: EndReason, qualification: Qualification | null) =>
    Object.assign(e, { endDate, endReason, qualification });
  /** A programme that runs its course: completed with `qualification` if it has ended by asOf. */
  const runs = (e: Enrolment, nominalEnd: string, qualification: Qualification) =>
    nominalEnd <= asOf ? end(e, nominalEnd, 'completed', qualification) : e;
  const threeYears = (y: number) => day(y + 3, 6, 8, 14);
  const adult = (after: string) => {
    const startDate = minIso(addDays(after, rng.int(30, 200)), yesterday);
    const kind = rng.pick(['VUX', 'VUX', 'FHSK'] as const);
    const e = enrol(kind, rng.pick(kind === 'VUX' ? units.vuxUnits : units.fhskUnits), '', startDate);
    if (rng.chance(0.3)) end(e, minIso(addDays(startDate, rng.int(30, 300)), yesterday), 'interrupted', 'none');
    out.push(e);
  };

  switch (scenario) {
    case 'normal':
      out.push(
        runs(
          enrol('GY', rng.pick(units.gyUnits), rng.pick(NATIONAL_PROGRAMMES), start),
          threeYears(year + 16),
          'examen',
        ),
      );
      return;
    case 'studiebevis': {
      const e = runs(
        enrol('GY', rng.pick(units.gyUnits), rng.pick(NATIONAL_PROGRAMMES), start),
        threeYears(year + 16),
        'studiebevis',
      );
      out.push(e);
      if (e.endDate && rng.chance(0.3)) adult(e.endDate);
      return;
    }
    case 'dropout': {
      const nominalEnd = threeYears(year + 16);
      const left = fromDay(rng.int(toDay(start) + 30, toDay(minIso(yesterday, addDays(nominalEnd, -1)))));
      out.push(
        end(
          enrol('GY', rng.pick(units.gyUnits), rng.pick(NATIONAL_PROGRAMMES), start),
          left,
          rng.chance(0.9) ? 'interrupted' : 'other',
          rng.chance(0.5) ? 'none' : null,
        ),
      );
      const restartYear = Number(left.slice(0, 4)) + (left.slice(5) >= '08-01' ? 1 : 0);
      const restart = day(restartYear, 8, 15, 22);
      if (restart <= yesterday && rng.chance(0.25)) {
        const programme = rng.chance(0.5) ? rng.pick(INTRO_PROGRAMMES) : rng.pick(NATIONAL_PROGRAMMES);
        out.push(runs(enrol('GY', rng.pick(units.gyUnits), programme, restart), threeYears(restartYear), 'examen'));
      } else if (rng.chance(0.2)) {
        adult(left);
      }
      return;
    }
    case 'transfer': {
      const first = enrol('GY', rng.pick(units.gyUnits), rng.pick(NATIONAL_PROGRAMMES), start);
      const moved = minIso(addDays(start, rng.int(30, 400)), addDays(yesterday, -1));
      out.push(end(first, moved, 'transferred', null));
      out.push(
        runs(enrol('GY', rng.pick(units.gyUnits), first.programme, addDays(moved, 1)), threeYears(year + 16), 'examen'),
      );
      return;
    }
    case 'intro': {
      const im = enrol('GY', rng.pick(units.gyUnits), rng.pick(INTRO_PROGRAMMES), start);
      const imEnd = day(year + 17, 6, 8, 14);
      if (imEnd > asOf || year + 17 > asOfYear) {
        out.push(im);
        return;
      }
      out.push(end(im, imEnd, 'completed', 'none'));
      out.push(
        runs(
          enrol('GY', rng.pick(units.gyUnits), rng.pick(NATIONAL_PROGRAMMES), day(year + 17, 8, 15, 22)),
          threeYears(year + 17),
          'examen',
        ),
      );
      return;
    }
    case 'gyan':
      out.push(
        runs(enrol('GYAN', rng.pick(units.gyanUnits), '', start), day(year + 20, 6, 8, 14), 'gymnasiesarskolebevis'),
      );
      return;
    case 'equivalent':
      out.push(runs(enrol('OTHER', rng.pick(units.otherUnits), '', start), threeYears(year + 16), 'equivalent'));
      return;
    case 'neverStarted':
      if (rng.chance(0.2)) adult(day(year + 16, 6, 8, 14));
      return;
    case 'turned20':
      return;
  }
}
