/** `lotsa audit …`: verify the audit log's hash chain. */
import type { Command } from 'commander';
import type { DatabaseHandle } from '../server/db/connection.js';
import { verifyAuditChain } from '../server/audit/verify.js';

type WithDatabase = <T>(work: (database: DatabaseHandle, municipalityId: string) => Promise<T>) => Promise<T>;

/** Adds the audit commands to `program`. */
export function addAuditCommands(program: Command, withDatabase: WithDatabase) {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('recompute the hash chain of the audit log and report every broken entry')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const report = await verifyAuditChain(db, { onProgress: (n) => process.stderr.write(`\rchecked ${n} entries`) });
        process.stderr.write('\n');
        if (report.ok) {
          console.log(`Audit log intact: ${report.checked} entries verified.`);
          return;
        }
        console.log(`Audit log BROKEN: ${report.brokenCount} of ${report.checked} entries do not fit the chain.`);
        for (const b of report.broken) console.log(`  entry ${b.id}: ${b.reason}`);
        if (report.brokenCount > report.broken.length) console.log(`  … and ${report.brokenCount - report.broken.length} more.`);
        process.exitCode = 1;
      });
    });
}
