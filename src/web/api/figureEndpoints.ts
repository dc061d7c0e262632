/** Typed functions for the figures page: the outcome report, outreach by channel, measures per offer, status now. */
import type { z } from 'zod';
import type {
  channelFiguresSchema,
  figureSettingsResponse,
  measureFiguresSchema,
  outcomeReportSchema,
  OutcomeCases,
  ScbReturn,
  statusFiguresSchema,
} from '../../core/report-schemas.js';
import { request } from './client.js';

export type OutcomeReportView = z.infer<typeof outcomeReportSchema>;
export type ChannelFiguresView = z.infer<typeof channelFiguresSchema>;
export type MeasureFiguresView = z.infer<typeof measureFiguresSchema>;
export type StatusFiguresView = z.infer<typeof statusFiguresSchema>;
export type FigureSettingsView = z.infer<typeof figureSettingsResponse>;

/** The figures page's filters, as in its address. */
export type FigureFilter = { from: string; to: string; on: string; targetGroup: string; contactPerson: string };

const filterQuery = (f: FigureFilter) => ({
  targetGroup: f.targetGroup || undefined,
  contactPerson: f.contactPerson || undefined,
});

/** Where one report is, as JSON or as a file (`format`) in a language. */
export function reportUrl(
  report: 'outcomes' | 'outreach' | 'measures' | 'status',
  f: FigureFilter,
  format?: 'csv' | 'xlsx' | 'pdf',
  lang?: string,
): string {
  const params = new URLSearchParams();
  if (report === 'status') params.set('on', f.on);
  else {
    params.set('from', f.from);
    params.set('to', f.to);
  }
  for (const [k, v] of Object.entries(filterQuery(f))) if (v) params.set(k, v);
  if (format) params.set('format', format);
  if (lang) params.set('lang', lang);
  return `/api/v1/reports/${report}?${params}`;
}

/** Query keys: ['figures', report, filter]. */
export const figuresApi = {
  outcomes: (f: FigureFilter) =>
    request<OutcomeReportView>('/api/v1/reports/outcomes', { query: { from: f.from, to: f.to, ...filterQuery(f) } }),
  outreach: (f: FigureFilter) =>
    request<ChannelFiguresView>('/api/v1/reports/outreach', { query: { from: f.from, to: f.to, ...filterQuery(f) } }),
  measures: (f: FigureFilter) =>
    request<MeasureFiguresView>('/api/v1/reports/measures', { query: { from: f.from, to: f.to, ...filterQuery(f) } }),
  status: (f: FigureFilter) =>
    request<StatusFiguresView>('/api/v1/reports/status', { query: { on: f.on, ...filterQuery(f) } }),
};

/** PUT /api/v1/staff/{id}/caseload-capacity (coordinators); null returns to the municipality's setting. */
export const capacityApi = {
  set: (staffId: string, capacity: number | null) =>
    request<{ capacity: number | null }>(`/api/v1/staff/${encodeURIComponent(staffId)}/caseload-capacity`, {
      method: 'PUT',
      body: { capacity },
    }),
};

/** Where the SCB half-year return is (YYYY-H1|H2), as JSON or as the file for SCB. */
export function scbUrl(half: string, format?: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ half });
  if (format) params.set('format', format);
  return `/api/v1/reports/scb?${params}`;
}

/** Query keys: ['figures', 'scb', half]. */
export const scbApi = {
  get: (half: string) => request<ScbReturn>('/api/v1/reports/scb', { query: { half } }),
};

/** Query key: ['settings', 'figures']. GET for every reader of figures, PUT for coordinators, with the version read. */
export const figureSettingsApi = {
  get: () => request<FigureSettingsView>('/api/v1/figure-settings'),
  save: (settings: FigureSettingsView['settings'], version: number) =>
    request<FigureSettingsView>('/api/v1/figure-settings', { method: 'PUT', body: { settings, version } }),
};

/** A cell of the outcome table beyond its outcome: a gender, a diploma, documented problems. */
export type OutcomeCell = {
  gender?: 'female' | 'male';
  diploma?: 'yes' | 'no' | 'unknown';
  documentedProblems?: 'true';
  /** The cases a median of the report is taken over. */
  median?: 'toFirstContact' | 'toAssessment' | 'toFirstMeasure' | 'toOutcome';
  /** On to studies or work within the target's months (the share's numerator), or not. */
  onTime?: 'true' | 'false';
};

/** The address of the page listing the cases behind a count of the outcome table (`outcome` empty: all closed). */
export function outcomeCasesPath(f: FigureFilter, outcome?: string, cell: OutcomeCell = {}): string {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  if (outcome) params.set('outcome', outcome);
  for (const [k, v] of Object.entries(filterQuery(f))) if (v) params.set(k, v);
  for (const [k, v] of Object.entries(cell)) if (v) params.set(k, v);
  return `/figures/cases?${params}`;
}

/** The address of the page listing the persons behind a count of an SCB block (`code` empty: the block's total). */
export function scbCasesPath(period: { from: string; to: string }, block: string, code?: string): string {
  const params = new URLSearchParams({ from: period.from, to: period.to, scbBlock: block });
  if (code) params.set('scbCode', code);
  return `/figures/cases?${params}`;
}

/** The query of GET /api/v1/reports/outcomes/cases, as the page's address gives it. */
export type OutcomeCasesQuery = {
  from: string;
  to: string;
  outcome?: string;
  targetGroup?: string;
  contactPerson?: string;
  gender?: string;
  diploma?: string;
  documentedProblems?: string;
  scbBlock?: string;
  scbCode?: string;
  median?: string;
  onTime?: string;
};

/** Query keys: ['figures', 'cases', query]. Staff who may browse persons; lists only those they may see. */
export const outcomeCasesApi = {
  list: (q: OutcomeCasesQuery) => request<OutcomeCases>('/api/v1/reports/outcomes/cases', { query: q }),
};
