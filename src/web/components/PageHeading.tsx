/** The page's one h1; also sets the document title to the same text. */
import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/usePageTitle.js';

/** Renders `title` as the page's h1 and document title; `children` go beside it (e.g. actions). */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page-heading">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children ? <div className="page-heading__actions">{children}</div> : null}
    </div>
  );
}
