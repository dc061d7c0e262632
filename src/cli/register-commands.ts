/** `lotsa import …` and `lotsa register …`: source lists and the register from the command line. */
import path from 'node:path';
import type { Command } from 'commander';
import type { ListKind } from '../core/source-lists.js';
import { ensureMunicipality } from '../server/bootstrap.js';
import type { DatabaseHandle } from '../server/db/connection.js';
import { acceptImport } from '../server/features/imports/imports.service.js';
import { importFile } from '../server/features/imports/run-import.js';
import { fieldsShown } from '../server/access/protected-identity.js';
import { AppError } from '../server/http/app-error.js';
import { reconcile, type ReconcileResult } from '../server/features/register/reconcile.js';
import { auditReconciliationShown, listRegisterAudited } from '../server/features/register/register-list.js';
import { municipalities } from '../server/reference/municipalities.js';

type WithDatabase = <T>(work: (database: DatabaseHandle, municipalityId: string) => Promise<T>) => Promise<T>;

/** An error whose message is meant for the person at the terminal. */
export class CliError extends Error {}

const progressLine = (label: string) => async (done: number, total?: number) => {
  process.stderr.write(
    `\r${label}: ${done.toLocaleString('en')}${total ? ` of ${total.toLocaleString('en')}` : ''} rows`,
  );
};

async function municipalityFor(
  database: DatabaseHandle,
  fallbackId: string,
  code: string | undefined,
): Promise<string> {
  if (!code) return fallbackId;
  const name = municipalities().get(code);
  if (!name)
    throw new CliError(
      `Unknown municipality code ${code}. Use the four-digit code SCB gives the municipality (e.g. 1402 for Partille).`,
    );
  return ensureMunicipality(database.db, { code, name });
}

const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new CliError(`"${value}" is not a date as YYYY-MM-DD.`);
  return value;
};

/** At most this many persons of each list are printed; --json gives them all. */
const PRINTED_PER_LIST = 1000;

/** A reconciliation's result for the terminal: the counts, then who enters, leaves and changes, by name. */
function printResult(result: ReconcileResult, applied: boolean) {
  console.log(
    `${applied ? 'Applied' : 'Preview'} as of ${result.asOf}: ${result.entered.length} enter, ` +
      `${result.left.length} leave, ${result.changed.length} changed; ${result.inRegister} in the register ` +
      `(${result.inRegisterBefore} before).`,
  );
  const lists: [
    string,
    { personalIdentityNumber: string; name: string; protectedIdentity: boolean }[],
    (i: number) => string,
  ][] = [
    ['Enter', result.entered, (i) => result.entered[i]!.reason],
    ['Leave', result.left, (i) => `${result.left[i]!.reason} (${result.left[i]!.rule})`],
    ['Changed', result.changed, (i) => result.changed[i]!.fields.join(', ')],
  ];
  for (const [title, list, why] of lists) {
    if (!list.length) continue;
    console.log(`${title}:`);
    list
      .slice(0, PRINTED_PER_LIST)
      .forEach((p, i) =>
        console.log(
          `  ${p.personalIdentityNumber}  ${p.name}${p.protectedIdentity ? ' (protected identity)' : ''}  ${why(i)}`,
        ),
      );
    if (list.length > PRINTED_PER_LIST)
      console.log(`  … and ${list.length - PRINTED_PER_LIST} more (--json prints all)`);
  }
  if (!applied) {
    console.log('Nothing was changed. Run again with --apply to apply.');
    if (result.leavingNeedsConfirmation)
      console.log(
        `${result.left.length} persons leave the register: confirm the number when you apply, ` +
          `--apply --confirm-leaving ${result.left.length}`,
      );
  }
}

/** Adds the import and register commands to `program`. */
export function addRegisterCommands(program: Command, withDatabase: WithDatabase) {
  const imp = program
    .command('import')
    .description("import a source list (CSV or XLSX in Lotsa's layout, see docs/register.md)");
  for (const kind of ['population', 'enrolments'] as ListKind[]) {
    imp
      .command(`${kind} <file>`)
      .description(
        kind === 'population'
          ? 'import a population list (folkbokföring extract)'
          : 'import an enrolment list from school administration',
      )
      .option('--municipality <code>', 'the municipality the list is for (SCB code); default LOTSA_MUNICIPALITY_CODE')
      .option('--json', 'print the result as JSON')
      .action(async (file: string, opts: { municipality?: string; json?: boolean }) => {
        await withDatabase(async (database, defaultMunicipality) => {
          const municipalityId = await municipalityFor(database, defaultMunicipality, opts.municipality);
          const result = await importFile(
            database,
            { id: null, municipalityId },
            kind,
            path.resolve(file),
            path.basename(file),
            progressLine(`import ${kind}`),
          );
          process.stderr.write('\n');
          if (opts.json) console.log(JSON.stringify(result, null, 2));
          else {
            console.log(
              `${result.alreadyImported ? 'Already imported' : 'Imported'} ${result.fileName}: ${result.status}, ` +
                `${result.rowsValid} of ${result.rowsTotal} rows valid, ` +
                `${result.errorCount} rows with errors.`,
            );
            for (const e of result.errors.slice(0, 200))
              console.log(`  line ${e.line}, ${e.column}: ${e.message} (${JSON.stringify(e.value)})`);
            if (result.errors.length > 200) console.log(`  … and ${result.errors.length - 200} more`);
            if (result.failure) console.log(`  ${result.failure}`);
            if (result.status === 'needs_review') {
              const lines = [...new Set(result.errors.filter((e) => e.blocking).map((e) => e.line))];
              const skip = lines.length ? ` --skip-lines ${lines.join(',')}` : '';
              if (result.previousResidents !== null) {
                console.log(
                  `  Warning: this population list has ${result.rowsValid} residents, ` +
                    `the previous one had ${result.previousResidents}. Check that the file is complete.`,
                );
              }
              const what = [
                lines.length ? 'skipping exactly these rows' : null,
                result.previousResidents !== null ? 'that the smaller list is right' : null,
              ]
                .filter(Boolean)
                .join(' and ');
              console.log(
                `  Nothing from this file is used until you accept ${what}:\n  npx lotsa import accept ` +
                  `${result.id}${skip}${result.previousResidents !== null ? ' --confirm-shrink' : ''}`,
              );
            }
            if (result.status === 'needs_mapping')
              console.log(
                `  The columns (${(result.headers ?? []).join(', ')}) are not Lotsa's layout: map them in the web ` +
                  `interface.`,
              );
          }
          if (result.status !== 'ready') process.exitCode = 1;
        });
      });
  }

  imp
    .command('accept <importId>')
    .description('accept skipping exactly the listed invalid rows, so the import can be used')
    .option('--skip-lines <lines>', 'the line numbers of all invalid rows, comma-separated')
    .option(
      '--confirm-shrink',
      "use a population list although it has fewer than 90 % of the previous list's residents",
    )
    .option('--municipality <code>', 'the municipality (SCB code)')
    .action(async (importId: string, opts: { skipLines?: string; confirmShrink?: boolean; municipality?: string }) => {
      const lines = opts.skipLines ? opts.skipLines.split(',').map((s) => Number(s.trim())) : [];
      if (lines.some((n) => !Number.isInteger(n) || n < 1))
        throw new CliError('--skip-lines takes line numbers separated by commas, e.g. 6,7.');
      await withDatabase(async (database, defaultMunicipality) => {
        const municipalityId = await municipalityFor(database, defaultMunicipality, opts.municipality);
        await acceptImport(
          database.db,
          { id: null, municipalityId },
          importId,
          lines,
          Boolean(opts.confirmShrink),
        ).catch((err: unknown) => {
          if (!(err instanceof AppError && err.code === 'population_shrank')) throw err;
          throw new CliError(
            `Nothing was accepted: the population list has ${err.params.residents} residents, ` +
              `the previous one had ${err.params.previousResidents}. Check the file; to use it all the same, ` +
              `add --confirm-shrink.`,
          );
        });
        console.log(`Import ${importId} accepted${lines.length ? ` without lines ${lines.join(', ')}` : ''}.`);
      });
    });

  const register = program.command('register').description('the KAA register');
  register
    .command('reconcile')
    .description('compare the register with what the rules say on a date; --apply makes it so')
    .requiredOption('--as-of <date>', 'the date, YYYY-MM-DD')
    .option('--apply', 'apply the changes (in one transaction)')
    .option(
      '--confirm-leaving <n>',
      'with --apply: the number of persons leaving the register, as the preview says (needed ' +
        'when more than 10 % of the register, or more than 20 persons, leave)',
    )
    .option('--municipality <code>', 'the municipality (SCB code)')
    .option('--json', 'print the result as JSON')
    .action(
      async (opts: {
        asOf: string;
        apply?: boolean;
        confirmLeaving?: string;
        municipality?: string;
        json?: boolean;
      }) => {
        const asOf = isoDate(opts.asOf);
        const confirmLeaving = opts.confirmLeaving === undefined ? null : Number(opts.confirmLeaving);
        if (confirmLeaving !== null && !(Number.isInteger(confirmLeaving) && confirmLeaving >= 0))
          throw new CliError('--confirm-leaving takes the number of persons leaving, e.g. --confirm-leaving 12.');
        await withDatabase(async (database, defaultMunicipality) => {
          const municipalityId = await municipalityFor(database, defaultMunicipality, opts.municipality);
          const result = await reconcile(
            database,
            municipalityId,
            asOf,
            { apply: Boolean(opts.apply), actorId: null, confirmLeaving },
            async (done) => {
              process.stderr.write(`\rreconcile: ${done.toLocaleString('en')} persons checked`);
            },
          ).catch((err: unknown) => {
            if (!(err instanceof AppError && err.code === 'confirm_leaving')) throw err;
            process.stderr.write('\n');
            const { leaving, inRegister } = err.params;
            throw new CliError(
              `Nothing was changed: this reconciliation takes ${leaving} of the ${inRegister} persons in the ` +
                `register out. ` +
                `Check who leaves (run it without --apply), ` +
                `then confirm the number: --apply --confirm-leaving ${leaving}`,
            );
          });
          process.stderr.write('\n');
          // The operator holds no grant: a protected person's changed address is not named here either (the audit log
          // has it).
          const shown = {
            ...result,
            changed: result.changed.flatMap((c) =>
              c.protectedIdentity
                ? fieldsShown(c.fields, true).length
                  ? [{ ...c, fields: fieldsShown(c.fields, true) }]
                  : []
                : [c],
            ),
          };
          // What is printed names every person entering, leaving or changed: a read of the register, audited.
          await auditReconciliationShown(
            database.db,
            municipalityId,
            asOf,
            Boolean(opts.apply),
            result.entered.length + result.left.length + result.changed.length,
          );
          if (opts.json) console.log(JSON.stringify(shown, null, 2));
          else printResult(shown, Boolean(opts.apply));
        });
      },
    );
  register
    .command('list')
    .description('who is in the register on a date')
    .requiredOption('--as-of <date>', 'the date, YYYY-MM-DD')
    .option('--municipality <code>', 'the municipality (SCB code)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { asOf: string; municipality?: string; json?: boolean }) => {
      const asOf = isoDate(opts.asOf);
      await withDatabase(async (database, defaultMunicipality) => {
        const municipalityId = await municipalityFor(database, defaultMunicipality, opts.municipality);
        const rows = await listRegisterAudited(database.db, municipalityId, asOf, 'cli');
        if (opts.json) console.log(JSON.stringify(rows, null, 2));
        else for (const r of rows) console.log(`${r.personalIdentityNumber}  ${r.since}  ${r.reason}`);
      });
    });
}
