/** The health check: liveness, which database Lotsa runs on, and whether the job queue moves. */
import type { z } from 'zod';
import type { healthSchema } from '../../../core/schemas.js';
import type { Db, DatabaseKind } from '../../db/connection.js';
import { jobQueueHealth } from '../../jobs/queue-health.js';
import { pingDatabase } from './health.queries.js';

/** The health of this process: throws when the database does not answer, else says how the queue is. */
export async function readHealth(db: Db, kind: DatabaseKind): Promise<z.infer<typeof healthSchema>> {
  await pingDatabase(db);
  const queue = await jobQueueHealth(db);
  return {
    status: 'ok' as const,
    database: kind,
    jobs: queue.state,
    oldestQueuedJobMinutes: queue.oldestQueuedMinutes,
  };
}
