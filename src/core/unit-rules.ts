/** Units and agencies of a municipality: the kinds, and the rule for names administrators give them. */
export const UNIT_KINDS = ['municipal', 'external'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The longest unit name, in characters. */
export const UNIT_NAME_MAX = 120;

/**
 * The form in which two unit names are compared: trimmed, inner spaces folded to one, case ignored,
 * so that "Ungdomsmottagningen" and " ungdomsmottagningen " are the same unit.
 */
export function unitNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

/** A unit name as it is stored: trimmed, inner spaces folded to one. */
export function cleanUnitName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
