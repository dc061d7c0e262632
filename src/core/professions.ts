/**
 * What a staff member works as, whatever their role in Lotsa: shown in teams and on the plan so a
 * young person sees who is who. The Swedish and English names are in i18n under `professions`.
 */
export const PROFESSIONS = [
  'study_career_counsellor',
  'counsellor',
  'social_worker',
  'field_worker',
  'job_coach',
  'employment_officer',
  'youth_coach',
  'other',
] as const;
export type Profession = (typeof PROFESSIONS)[number];
