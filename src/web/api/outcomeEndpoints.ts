/** Typed functions for a case's end: who the participant is, closing, taking on again, follow-up after closure. */
import type { z } from 'zod';
import type { CaseOutcome, closeCaseBody, FollowUp, followUpResultBody } from '../../core/outcome-schemas.js';
import type { DocumentedProblem, Diploma } from '../../core/outcomes.js';
import { request } from './client.js';

const enc = encodeURIComponent;

/** What a change answers: the case in force and its version. */
export type CaseRef = { caseId: string; version: number };

/** Query key of one case's outcome: ['cases', caseId, 'outcome']. */
export const outcomeApi = {
  get: (caseId: string) => request<CaseOutcome>(`/api/v1/cases/${enc(caseId)}/outcome`),
  close: (caseId: string, body: z.input<typeof closeCaseBody>) =>
    request<CaseRef>(`/api/v1/cases/${enc(caseId)}/close`, { method: 'POST', body }),
  reopen: (caseId: string) => request<CaseRef>(`/api/v1/cases/${enc(caseId)}/reopen`, { method: 'POST' }),
  /** Records the target group, diploma and (when allowed) documented problems with PATCH /cases/{id}. */
  participant: (
    caseId: string,
    body: {
      targetGroup?: 'young_adult' | 'other';
      upperSecondaryDiploma?: Diploma;
      documentedProblems?: DocumentedProblem[];
      version: number;
    },
  ) => request<void>(`/api/v1/cases/${enc(caseId)}`, { method: 'PATCH', body }),
  recordFollowUp: (followUpId: string, body: z.input<typeof followUpResultBody>) =>
    request<FollowUp>(`/api/v1/case-follow-ups/${enc(followUpId)}/result`, { method: 'POST', body }),
};
