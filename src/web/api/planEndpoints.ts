/** Typed functions for a case's action plan: read, save whole, versions, sign, the signed scan and the PDF. */
import type { z } from 'zod';
import type {
  goalAreasBody,
  GoalAreasResponse,
  Plan,
  planBody,
  planSignBody,
  PlanVersion,
} from '../../core/plan-schemas.js';
import { request } from './client.js';

const enc = encodeURIComponent;

/** The plan of one case. Query keys: ['cases', caseId, 'plan'] and ['cases', caseId, 'plan', 'versions']. */
export const planApi = {
  get: (caseId: string) => request<Plan>(`/api/v1/cases/${enc(caseId)}/plan`),
  save: (caseId: string, body: z.input<typeof planBody>) =>
    request<Plan>(`/api/v1/cases/${enc(caseId)}/plan`, { method: 'PUT', body }),
  versions: (caseId: string) => request<PlanVersion[]>(`/api/v1/cases/${enc(caseId)}/plan/versions`),
  sign: (caseId: string, body: z.input<typeof planSignBody>) =>
    request<{ id: string }>(`/api/v1/cases/${enc(caseId)}/plan/sign`, { method: 'POST', body }),
  attachScan: (signatureId: string, file: File) =>
    request<void>(`/api/v1/plan-signatures/${enc(signatureId)}/scan?fileName=${enc(file.name)}`, {
      method: 'PUT',
      file: { data: file, contentType: file.type || 'application/pdf' },
    }),
  scanUrl: (signatureId: string) => `/api/v1/plan-signatures/${enc(signatureId)}/scan`,
  pdfUrl: (caseId: string, lang: 'sv' | 'en') => `/api/v1/cases/${enc(caseId)}/plan.pdf?lang=${lang}`,
};

/** The municipality's goal areas (query key ['plan-goal-areas']); coordinators replace the list whole. */
export const goalAreasApi = {
  get: () => request<GoalAreasResponse>('/api/v1/plan-goal-areas'),
  save: (body: z.input<typeof goalAreasBody>) =>
    request<GoalAreasResponse>('/api/v1/plan-goal-areas', { method: 'PUT', body }),
};
