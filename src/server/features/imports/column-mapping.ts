/**
 * Which column of a file holds which field of a list. Lotsa's own layout maps itself; other
 * layouts need a mapping from the coordinator, which can be saved and is then reused for files
 * with the same headers.
 */
import { COLUMNS, type ListKind } from '../../../core/source-lists.js';

/** Field → header name in the file (null for an optional field the file lacks). */
export type ColumnMapping = Record<string, string | null>;

const normal = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/^\uFEFF/, '');

/** The mapping for a file in Lotsa's own layout, or null when a column is missing. */
export function ownLayoutMapping(kind: ListKind, headers: string[]): ColumnMapping | null {
  const present = new Map(headers.map((h) => [normal(h), h]));
  const mapping: ColumnMapping = {};
  for (const column of COLUMNS[kind]) {
    const header = present.get(column);
    if (header === undefined) return null;
    mapping[column] = header;
  }
  return mapping;
}

/** Problems with a mapping: fields that map to no header in the file, or unknown fields. */
export function mappingProblems(
  kind: ListKind,
  headers: string[],
  mapping: ColumnMapping,
  required: readonly string[],
): string[] {
  const known = new Set<string>(COLUMNS[kind]);
  const problems = Object.keys(mapping)
    .filter((f) => !known.has(f))
    .map((f) => `${f}: not a field of this list`);
  for (const column of COLUMNS[kind]) {
    const header = mapping[column] ?? null;
    if (header === null) {
      if (required.includes(column)) problems.push(`${column}: required`);
    } else if (!headers.includes(header)) problems.push(`${column}: no column "${header}" in the file`);
  }
  return problems;
}

/**
 * Puts a row's cells in the list's own column order (COLUMNS), using the mapping; a field the
 * file lacks gets an empty cell. A file already in that order gets its cells back untouched.
 */
export function cellPicker(kind: ListKind, headers: string[], mapping: ColumnMapping): (cells: string[]) => string[] {
  const indexes = COLUMNS[kind].map((column) => (mapping[column] ? headers.indexOf(mapping[column]) : -1));
  if (indexes.every((index, i) => index === i)) return (cells) => cells;
  return (cells) => indexes.map((i) => (i >= 0 ? (cells[i] ?? '') : ''));
}

/** True when two header lists are the same (order and case ignored), so a saved mapping fits. */
export function sameHeaders(a: string[], b: string[]): boolean {
  const x = a.map(normal).sort();
  const y = b.map(normal).sort();
  return x.length === y.length && x.every((h, i) => h === y[i]);
}
