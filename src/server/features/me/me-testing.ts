/**
 * Test helpers for the young person's routes: a young person with a live case whose contact person
 * is the harness's youth coach, and a signed-in client of theirs (a code from the outbox).
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildPerson, testIdentityNumber } from '../../testing/factories.js';
import type { Harness } from '../../testing/harness.js';
import { codeWorkSettled } from './me-sign-in.service.js';

export type YoungClient = {
  request: (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => Promise<LightMyRequestResponse>;
};

let address = 0;

/** A young person with a live case whose contact person is the youth coach. */
export async function youngPerson(h: Harness) {
  const pin = testIdentityNumber();
  const created = await h.as.coordinator.request(
    'POST',
    '/api/v1/persons',
    buildPerson({ personalIdentityNumber: pin }),
  );
  const personId = created.json().id as string;
  const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json().case;
  const assign = await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
    contactPersonId: h.as.youth_coach.staffId,
    version: kase.version,
  });
  expect(assign.statusCode).toBe(204);
  return { pin, personId, caseId: kase.id as string };
}

/** Signs the young person in with a code from their contact person's outbox. */
export async function signInYoung(h: Harness, pin: string, personId: string): Promise<YoungClient> {
  const ip = `10.9.0.${++address}`;
  const asked = await h.app.inject({
    method: 'POST',
    url: '/api/v1/me/code',
    payload: { personalIdentityNumber: pin },
    remoteAddress: ip,
  });
  expect(asked.statusCode).toBe(202);
  await codeWorkSettled();
  const messages = (await h.as.youth_coach.request('GET', '/api/v1/sms')).json() as {
    personId: string;
    body: string;
  }[];
  const code = /(\d{6})/.exec(messages.find((m) => m.personId === personId)!.body)![1]!;
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/me/login',
    payload: { personalIdentityNumber: pin, code },
    remoteAddress: ip,
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'lotsa_session')!.value;
  const csrf = res.json().csrfToken as string;
  return {
    request: (method, url, body) =>
      h.app.inject({
        method,
        url,
        payload: body as object | undefined,
        headers: { cookie: `lotsa_session=${cookie}`, 'x-csrf-token': csrf },
      }),
  };
}
