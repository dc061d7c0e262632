/** What the demo municipality's staff work as, so teams and plans show who is who. */
import type { Profession } from '../../core/professions.js';
import type { Db } from '../db/connection.js';

/** Demo staff by e-mail → profession (every account in DEMO_STAFF). */
export const DEMO_PROFESSIONS: Record<string, Profession> = {
  'admin@demo.lotsa.local': 'other',
  'samordnare@demo.lotsa.local': 'study_career_counsellor',
  'samordnare2@demo.lotsa.local': 'other',
  'coach@demo.lotsa.local': 'youth_coach',
  'coach2@demo.lotsa.local': 'youth_coach',
  'coach3@demo.lotsa.local': 'job_coach',
  'syv@demo.lotsa.local': 'study_career_counsellor',
  'socialsekreterare@demo.lotsa.local': 'social_worker',
  'arbetsformedlare@demo.lotsa.local': 'employment_officer',
  'skola@demo.lotsa.local': 'other',
  'chef@demo.lotsa.local': 'other',
};

/**
 * Gives the demo staff of `municipalityId` their profession where none is set yet (so a re-run changes nothing someone
 * set).
 */
export async function setDemoProfessions(db: Db, municipalityId: string): Promise<void> {
  for (const [email, profession] of Object.entries(DEMO_PROFESSIONS)) {
    await db
      .updateTable('staff')
      .set({ profession })
      .where('municipality_id', '=', municipalityId)
      .where('email', '=', email)
      .where('profession', 'is', null)
      .execute();
  }
}
