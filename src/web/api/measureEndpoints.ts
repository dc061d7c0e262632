/** Typed functions for the offer catalogue, a person's measures and referrals. */
import type {
  LinkableGoal,
  Measure,
  MeasureInput,
  Offer,
  OfferInput,
  Referral,
  ReferralInput,
} from '../../core/measure-schemas.js';
import { request } from './client.js';

const enc = encodeURIComponent;

/** The municipality's catalogue of offers. */
export const offersApi = {
  list: (includeInactive = false) =>
    request<Offer[]>('/api/v1/offers', { query: { includeInactive: includeInactive ? 'true' : undefined } }),
  create: (body: OfferInput) => request<Offer>('/api/v1/offers', { method: 'POST', body }),
  update: (id: string, body: Partial<OfferInput> & { active?: boolean; version: number }) =>
    request<Offer>(`/api/v1/offers/${enc(id)}`, { method: 'PATCH', body }),
  /** The printed catalogue (active offers) in Swedish or English. */
  pdfUrl: (lang: 'sv' | 'en') => `/api/v1/offers.pdf?lang=${lang}`,
};

/** A person's measures and the plan goals to link them to. */
export const measuresApi = {
  list: (personId: string) => request<Measure[]>(`/api/v1/persons/${enc(personId)}/measures`),
  goals: (personId: string) => request<LinkableGoal[]>(`/api/v1/persons/${enc(personId)}/measure-goals`),
  create: (personId: string, body: MeasureInput) =>
    request<Measure>(`/api/v1/persons/${enc(personId)}/measures`, { method: 'POST', body }),
  update: (id: string, body: Partial<MeasureInput> & { version: number }) =>
    request<Measure>(`/api/v1/measures/${enc(id)}`, { method: 'PATCH', body }),
};

/** A person's referrals to other agencies. */
export const referralsApi = {
  list: (personId: string) => request<Referral[]>(`/api/v1/persons/${enc(personId)}/referrals`),
  create: (personId: string, body: ReferralInput) =>
    request<Referral>(`/api/v1/persons/${enc(personId)}/referrals`, { method: 'POST', body }),
  update: (
    id: string,
    body: {
      status?: Referral['status'];
      outcome?: string | null;
      accompanied?: boolean;
      firstVisitOn?: string | null;
      version: number;
    },
  ) => request<Referral>(`/api/v1/referrals/${enc(id)}`, { method: 'PATCH', body }),
};

/** Query keys per resource. */
export const measureKeys = {
  offers: (includeInactive = false) => ['offers', { includeInactive }] as const,
  measures: (personId: string) => ['persons', personId, 'measures'] as const,
  goals: (personId: string) => ['persons', personId, 'measure-goals'] as const,
  referrals: (personId: string) => ['persons', personId, 'referrals'] as const,
};
