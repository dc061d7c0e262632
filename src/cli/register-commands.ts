/** `lotsa import …` and `lotsa register …`: source lists and the register from the command line. */
import path from 'node:path';
import type { Command } from 'commander';
import type { ListKind } from '../core/source-lists.js';
import { ensureMunicipality } from '../server/bootstrap.js';
import type { DatabaseHandle } from '../server/db/connection.js';
import { acceptImport } from '../server/features/imports/imports.service.js';
import { importFile } from '../server/features/imports/run-import.js';
import { reconcile } from '../server/features/register/reconcile.js';
import { auditReconciliationShown, listRegisterAudited } from '../server/features/register/register-list.js';
import { municipalities } from '../server/reference/municipalities.js';

type WithDatabase = <T>(work: (database: DatabaseHandle, municipalityId: string) => Promise<T>) => Promise<T>;

/** An error whose message is meant for the person at the terminal. */
export class CliError extends Error {}

const progressLine = (label: string) => async (done: number, total?: number) => {
  process.stderr.write(`\r${label}: ${done.toLocaleString('en')}${total ? ` of ${total.toLocaleString('en')}` : ''} rows`);
};

async function municipalityFor(database: DatabaseHandle, fallbackId: string, code: string | undefined): Promise<string> {
  if (!code) return fallbackId;
  const name = municipalities().get(code);
  if (!name) throw new CliError(`Unknown municipality code ${code}. Use the four-digit code SCB gives the municipality (e.g. 1402 for Partille).`);
  return ensureMunicipality(database.db, { code, name });
}

const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new CliError(`"${value}" is not a date as YYYY-MM-DD.`);
  return value;
};

/** Adds the import and register commands to `program`. */
export function addRegisterCommands(program: Command, withDatabase: WithDatabase) {
  const imp = program.command('import').description('import a source list (CSV or XLSX in Lotsa\'s layout, see the README)');
  for (const kind of ['population', 'enrolments'] as ListKind[]) {
    imp
      .command(`${kind} <file>`)
      .description(kind === 'population' ? 'import a population list (folkbokföring extract)' : 'import an enrolment list from school administration')
      .option('--municipality <code>', 'the municipality the list is for (SCB code); default LOTSA_MUNICIPALITY_CODE')
      .option('--json', 'print the result as JSON')
      .action(async (file: string, opts: { municipality?: string; json?: boolean }) => {
        await withDatabase(async (database, defaultMunicipality) => {
          const municipalityId = await municipalityFor(database, defaultMunicipality, opts.municipality);
          const result = await importFile(database, { id: null, municipalityId }, kind, path.resolve(file), path.basename(file), progressLine(`import ${kind}`));
          process.stderr.write('\n');
          if (opts.json) console.log(JSON.stringify(result, null, 2));
          else {
            console.log(`${result.alreadyImported ? 'Already imported' : 'Imported'} ${result.fileName}: ${result.status}, ${result.rowsValid} of ${result.rowsTotal} rows valid, ${result.errorCount} rows with errors.`);
            for (const e of result.errors.slice(0, 200)) console.log(`  line ${e.line}, ${e.column}: ${e.message} (${JSON.stringify(e.value)})`);
            if (result.errors.length > 200) console.log(`  … and ${result.errors.length - 200} more`);
            if (result.failure) console.log(`  ${result.failure}`);
            if (result.status === 'needs_review') {
              const lines = [...new Set(result.errors.filter((e) => e.blocking).map((e) => e.line))];
              console.log(`  Nothing from this file is used until you accept skipping exactly these rows:\n  npx lotsa import accept ${result.id} --skip-lines ${lines.join(',')}`);
            }
            if (result.status === 'needs_mapping') console.log(`  The columns (${(result.headers ?? []).join(', ')}) are not Lotsa's layout: map them in the web interface.`);
          }
          if (result.status !== 'ready') process.exitCode = 1;
        });
      });
  }

  imp
    .command('accept <importId>')
    .description('accept skipping exactly the listed invalid rows, so the import can be used')
    .requiredOption('--skip-lines <lines>', 'the line numbers of all invalid rows, comma-separated')
    .option('--municipality <code>', 'the municipality (SCB code)')
    .action(async (importId: string, opts: { skipLines: string; municipality?: string }) => {
      const lines = opts.skipLines.split(',').map((s) => Number(s.trim()));
      if (lines.some((n) => !Number.isInteger(n) || n < 1)) throw new CliError('--skip-lines takes line numbers separated by commas, e.g. 6,7.');
      await withDatabase(async (database, defaultMunicipality) => {
        const municipalityId = await municipalityFor(database, defaultMunicipality, opts.municipality);
        await acceptImport(database.db, { id: null, municipalityId }, importId, lines);
        console.log(`Import ${importId} accepted without lines ${lines.join(', ')}.`);
      });
    });

  const register = program.command('register').description('the KAA register');
  register
    .command('reconcile')
    .description('compare the register with what the rules say on a date; --apply makes it so')
    .requiredOption('--as-of <date>', 'the date, YYYY-MM-DD')
    .option('--apply', 'apply the changes (in one transaction)')
    .option('--municipality <code>', 'the municipality (SCB code)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { asOf: string; apply?: boolean; municipality?: string; json?: boolean }) => {
      const asOf = isoDate(opts.asOf);
      await withDatabase(async (database, defaultMunicipality) => {
        const municipalityId = await municipalityFor(database, defaultMunicipality, opts.municipality);
        const result = await reconcile(database, municipalityId, asOf, { apply: Boolean(opts.apply), actorId: null }, async (done) => {
          process.stderr.write(`\rreconcile: ${done.toLocaleString('en')} persons checked`);
        });
        process.stderr.write('\n');
        // The JSON names every person entering, leaving or changed by identity number.
        if (opts.json) await auditReconciliationShown(database.db, municipalityId, asOf, Boolean(opts.apply), result.entered.length + result.left.length + result.changed.length);
        if (opts.json) console.log(JSON.stringify(result, null, 2));
        else {
          console.log(`${opts.apply ? 'Applied' : 'Preview'} as of ${asOf}: ${result.entered.length} enter, ${result.left.length} leave, ${result.changed.length} changed; ${result.inRegister} in the register.`);
          if (!opts.apply) console.log('Nothing was changed. Run again with --apply to apply.');
        }
      });
    });
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
