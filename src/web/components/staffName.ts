/** A staff member's name with what they work as ("Anna Berg, Ungdomscoach"), for plans and the person page. */
import type { TFunction } from 'i18next';
import type { Profession } from '../../core/professions.js';

/** `name, profession` in the reader's language; the name alone when no profession is set. */
export function staffName(t: TFunction, staff: { name: string; profession?: Profession | null }): string {
  if (!staff.profession) return staff.name;
  return t('professions.withName', { name: staff.name, profession: t(`professions.${staff.profession}`) });
}
