/** `lotsa units …`: list, add, rename, deactivate and reactivate the municipality's units and agencies. */
import { Option, type Command } from 'commander';
import type { Unit } from '../core/schemas.js';
import { UNIT_KINDS, unitNameKey, type UnitKind } from '../core/unit-rules.js';
import { unitCreateBody, unitUpdateBody, type UnitUpdateBody } from '../core/unit-schemas.js';
import { recordAudit } from '../server/audit/audit.js';
import type { DatabaseHandle } from '../server/db/connection.js';
import { addUnitIn, changeUnitIn, uniqueName, type UnitScope } from '../server/features/units/units.service.js';
import { unitsOf } from '../server/features/units/units.queries.js';
import { CliError } from './register-commands.js';

type WithDatabase = <T>(work: (database: DatabaseHandle, municipalityId: string) => Promise<T>) => Promise<T>;
type Db = DatabaseHandle['db'];

/** One line per unit: name, kind, and its marks. */
export function describeUnit(u: Unit): string {
  const marks = [u.kind, u.kaa ? 'KAA' : null, u.active ? null : 'deactivated'].filter(Boolean).join(', ');
  return `${u.name} (${marks})`;
}

/** Runs `work` in a transaction that audits as the command line (no signed-in actor). */
function inTransaction<T>(db: Db, municipalityId: string, work: (scope: UnitScope) => Promise<T>): Promise<T> {
  return uniqueName(() =>
    db.transaction().execute((trx) =>
      work({
        trx,
        municipalityId,
        audit: (...events) =>
          recordAudit(
            trx,
            { id: null, municipalityId, ip: null },
            events.map((e) => ({ ...e, detail: { ...e.detail, via: 'cli' } })),
          ),
      }),
    ),
  );
}

/** The unit called `name` (case and extra spaces ignored), or a CliError that lists the units. */
async function unitNamed(db: Db, municipalityId: string, name: string): Promise<Unit> {
  const units = await unitsOf(db, municipalityId, { includeInactive: true });
  const unit = units.find((u) => unitNameKey(u.name) === unitNameKey(name));
  if (!unit) throw new CliError(`No unit is called "${name}". Units: ${units.map((u) => u.name).join(', ')}.`);
  return unit;
}

/** The parsed body, or a CliError naming each invalid field. */
function parsed<T>(
  result:
    { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  throw new CliError(
    'Invalid ' +
      result.error.issues.map((i) => `${i.path.map(String).join('.') || 'input'} (${i.message})`).join(', ') +
      '.',
  );
}

/** Adds `lotsa units` and its subcommands to `program`. */
export function addUnitCommands(program: Command, withDatabase: WithDatabase) {
  const units = program
    .command('units')
    .description("manage the municipality's units and agencies (teams, consent recipients, staff units, providers)");

  units
    .command('list')
    .description('list the units; deactivated ones too with --all')
    .option('--all', 'include deactivated units')
    .action(async (opts: { all?: boolean }) => {
      await withDatabase(async ({ db }, municipalityId) => {
        for (const u of await unitsOf(db, municipalityId, { includeInactive: Boolean(opts.all) }))
          console.log(describeUnit(u));
      });
    });

  units
    .command('add')
    .description('add a unit or agency; a name already in use (case ignored) is refused')
    .requiredOption('--name <name>', 'its name, e.g. "Ungdomsmottagningen"')
    .addOption(
      new Option('--kind <kind>', 'a municipal unit or an external agency')
        .choices(UNIT_KINDS as unknown as string[])
        .default('municipal'),
    )
    .option('--kaa', "one of the activity responsibility's own units (its caseworkers work with cases without consent)")
    .action(async (opts: { name: string; kind: UnitKind; kaa?: boolean }) => {
      const body = parsed(unitCreateBody.safeParse({ name: opts.name, kind: opts.kind, kaa: Boolean(opts.kaa) }));
      await withDatabase(async ({ db }, municipalityId) => {
        const unit = await inTransaction(db, municipalityId, (scope) => addUnitIn(scope, body));
        console.log(`Added ${describeUnit(unit)} (${unit.id}).`);
      });
    });

  const change = (name: string, body: UnitUpdateBody, verb: string) =>
    withDatabase(async ({ db }, municipalityId) => {
      const input = parsed(unitUpdateBody.safeParse(body));
      const current = await unitNamed(db, municipalityId, name);
      const unit = await inTransaction(db, municipalityId, (scope) => changeUnitIn(scope, current.id, input));
      console.log(`${verb} ${describeUnit(unit)}.`);
    });

  units
    .command('rename <name> <new-name>')
    .description('rename a unit; records that name it show the new name')
    .action((name: string, newName: string) => change(name, { name: newName }, 'Renamed:'));

  units
    .command('deactivate <name>')
    .description('stop offering a unit as a choice; it stays on the records that already name it')
    .action((name: string) => change(name, { active: false }, 'Deactivated'));

  units
    .command('activate <name>')
    .description('offer a deactivated unit again')
    .action((name: string) => change(name, { active: true }, 'Activated'));
}
