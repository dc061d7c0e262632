/**
 * A wide table's frame: it scrolls sideways on narrow screens and takes keyboard focus so keyboard users can scroll it
 * too (WCAG 2.1.1).
 */
import type { ReactNode } from 'react';

/** Wraps a table; `label` names the region for screen readers (usually the table's caption). */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
