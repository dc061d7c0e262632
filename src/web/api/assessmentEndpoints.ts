/** Typed functions for the assessment manual and assessments (kartläggning). */
import type { ManualSection } from '../../core/assessment.js';
import type { Assessment, AssessmentDraft, AssessmentSummary, Manual } from '../../core/assessment-schemas.js';
import { request } from './client.js';

const enc = encodeURIComponent;

/** The manual and a person's assessments. */
export const assessmentsApi = {
  manual: () => request<Manual>('/api/v1/assessment-manual'),
  saveManual: (version: number, sections: ManualSection[]) =>
    request<Manual>('/api/v1/assessment-manual', { method: 'PUT', body: { version, sections } }),
  list: (personId: string) => request<AssessmentSummary[]>(`/api/v1/persons/${enc(personId)}/assessments`),
  start: (personId: string, revises?: string) =>
    request<{ id: string }>(`/api/v1/persons/${enc(personId)}/assessments`, {
      method: 'POST',
      body: revises ? { revises } : {},
    }),
  get: (id: string) => request<Assessment>(`/api/v1/assessments/${enc(id)}`),
  save: (id: string, draft: AssessmentDraft) =>
    request<Assessment>(`/api/v1/assessments/${enc(id)}`, { method: 'PUT', body: draft }),
  share: (id: string, sectionKey: string, version: number, shared: boolean) =>
    request<Assessment>(`/api/v1/assessments/${enc(id)}/sections/${enc(sectionKey)}/sharing`, {
      method: 'PUT',
      body: { version, shared },
    }),
  complete: (id: string, version: number) =>
    request<Assessment>(`/api/v1/assessments/${enc(id)}/complete`, { method: 'POST', body: { version } }),
};

/** Query keys of the assessment resources. */
export const assessmentKeys = {
  manual: ['assessment-manual'] as const,
  ofPerson: (personId: string) => ['persons', personId, 'assessments'] as const,
  one: (id: string) => ['assessments', id] as const,
};
