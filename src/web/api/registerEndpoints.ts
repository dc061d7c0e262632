/** Typed functions for the register API: imports of source lists, reconciliation, jobs and school notifications. */
import type {
  ImportError,
  ImportSummary,
  Job,
  Notification,
  NotificationRouting,
  ReconcileResult,
} from '../../core/register-schemas.js';
import type { ListKind } from '../../core/source-lists.js';
import { request } from './client.js';

/** Where a notification comes from and what it is about, as the form sends it. */
export type NotificationInput = {
  personalIdentityNumber: string;
  schoolUnitCode: string;
  schoolUnitName?: string | null;
  kind: Notification['kind'];
  date: string;
  message?: string | null;
};

/** What verifying a notification with the school showed. */
export type { NotificationOutcome } from '../../core/register.js';
import type { NotificationOutcome } from '../../core/register.js';

/** One person in the register on a date. */
export type RegisterEntry = { personalIdentityNumber: string; reason: string; since: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type to send a list file with: XLSX by its name, everything else as CSV. */
export function contentTypeOf(file: File): string {
  return file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv';
}

const importPath = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`;

/** Imports of population and enrolment lists. */
export const importsApi = {
  upload: (kind: ListKind, file: File) =>
    request<{ id: string; alreadyImported: boolean }>('/api/v1/imports', {
      method: 'POST',
      query: { kind, fileName: file.name },
      file: { data: file, contentType: contentTypeOf(file) },
    }),
  list: () => request<ImportSummary[]>('/api/v1/imports'),
  get: (id: string) => request<ImportSummary>(importPath(id)),
  errors: (id: string, page: number, pageSize: number) =>
    request<ImportError[]>(`${importPath(id)}/errors`, { query: { page, pageSize } }),
  /** Every error of the import, fetched page by page. */
  allErrors: async (id: string): Promise<ImportError[]> => {
    const pageSize = 1000;
    const all: ImportError[] = [];
    for (let page = 1; ; page++) {
      const batch = await importsApi.errors(id, page, pageSize);
      all.push(...batch);
      if (batch.length < pageSize) return all;
    }
  },
  setMapping: (id: string, mapping: Record<string, string | null>, saveAs?: string) =>
    request<void>(`${importPath(id)}/mapping`, { method: 'POST', body: { mapping, saveAs } }),
  accept: (id: string, skipLines: number[], confirmShrink = false) =>
    request<void>(`${importPath(id)}/accept`, { method: 'POST', body: { skipLines, confirmShrink } }),
};

/** Reconciliation, the register on a date, and background jobs. */
export const registerApi = {
  reconcile: (asOf: string, apply: boolean, confirmLeaving?: number) =>
    request<{ jobId: string }>('/api/v1/register/reconcile', { method: 'POST', body: { asOf, apply, confirmLeaving } }),
  on: (asOf: string) => request<RegisterEntry[]>('/api/v1/register', { query: { asOf } }),
  job: (id: string) => request<Job>(`/api/v1/jobs/${encodeURIComponent(id)}`),
};

/** The result of a finished reconcile job. */
export type { ReconcileResult };

/** School notifications: submit, list (own or the inbox), handle. */
export const notificationsApi = {
  submit: (body: NotificationInput) => request<Notification>('/api/v1/notifications', { method: 'POST', body }),
  list: (view: 'mine' | 'inbox') => request<Notification[]>('/api/v1/notifications', { query: { view } }),
  handle: (id: string, outcome: NotificationOutcome, note: string | null) =>
    request<void>(`/api/v1/notifications/${encodeURIComponent(id)}/handle`, {
      method: 'POST',
      body: { outcome, note },
    }),
  /** The municipalities trusted, and not, to route this municipality's notifications. */
  routing: () => request<NotificationRouting>('/api/v1/notification-routing'),
  saveRouting: (trustedMunicipalityIds: string[]) =>
    request<void>('/api/v1/notification-routing', { method: 'PUT', body: { trustedMunicipalityIds } }),
};
