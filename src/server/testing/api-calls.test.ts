import { describe, expect, it } from 'vitest';
import { apiCallsIn, operationOf } from './api-calls.js';

describe('apiCallsIn', () => {
  it('finds calls in the forms route tests and browser specs write them', () => {
    const source = [
      "await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, attempt());",
      'await h.anonymous("GET", "/api/health");',
      "const res = await app.inject({ method: 'PATCH', url: `/api/v1/cases/${id}`, payload });",
      "await coordinator.api.get('/api/v1/work-queues?sort=due');",
      'await page.request.delete(`${lotsa.baseUrl}/api/v1/teams/${team}/members/${staff}`);',
      "await h.as.coordinator.upload('/api/v1/imports?kind=population', file);",
      "expect(doc.paths['/api/v1/offers']).toBeDefined();",
    ].join('\n');
    expect(apiCallsIn(source)).toEqual(
      expect.arrayContaining([
        { method: 'POST', url: '/api/v1/persons/${personId}/contact-attempts' },
        { method: 'GET', url: '/api/health' },
        { method: 'PATCH', url: '/api/v1/cases/${id}' },
        { method: 'GET', url: '/api/v1/work-queues?sort=due' },
        { method: 'DELETE', url: '/api/v1/teams/${team}/members/${staff}' },
        { method: 'POST', url: '/api/v1/imports?kind=population' },
      ]),
    );
    // A path named without a call (the OpenAPI document's keys) is no call.
    expect(apiCallsIn(source)).toHaveLength(6);
  });

  it("follows a URL kept in a variable or function to the calls after it, up to the name's next definition", () => {
    const source = [
      'const url = () => `/api/v1/persons/${personId}/contact-grants`;',
      "await h.anonymous('POST', url(), body);",
      "const path = '/api/v1/centres';",
      "await h.as.coordinator.request('GET', path);",
      "const path = '/api/v1/calendar';",
      "await h.as.coordinator.request('POST', path, {});",
      "const unused = '/api/v1/letters';",
    ].join('\n');
    expect(apiCallsIn(source)).toEqual([
      { method: 'POST', url: '/api/v1/persons/${personId}/contact-grants' },
      { method: 'GET', url: '/api/v1/centres' },
      { method: 'POST', url: '/api/v1/calendar' },
    ]);
  });
});

describe('operationOf', () => {
  const templates = [
    '/api/v1/units',
    '/api/v1/units/kaa',
    '/api/v1/units/{id}',
    '/api/v1/persons/{id}',
    '/api/v1/persons/{id}/events',
    '/api/v1/cases/{id}/plan.pdf',
  ];

  it('sends a URL to its template as the router would: a fixed segment before a parameter', () => {
    expect(operationOf(templates, '/api/v1/units/kaa')).toBe('/api/v1/units/kaa');
    expect(operationOf(templates, '/api/v1/units/${unit.id}')).toBe('/api/v1/units/{id}');
    expect(operationOf(templates, '/api/v1/units/00000000-0000-4000-8000-000000000000')).toBe('/api/v1/units/{id}');
    expect(operationOf(templates, '/api/v1/persons/${id}/events?limit=5')).toBe('/api/v1/persons/{id}/events');
    expect(operationOf(templates, '/api/v1/cases/${caseId}/plan.pdf')).toBe('/api/v1/cases/{id}/plan.pdf');
  });

  it('matches no template when a segment differs or one is missing', () => {
    expect(operationOf(templates, '/api/v1/persons')).toBeUndefined();
    expect(operationOf(templates, '/api/v1/persons/${id}/notes')).toBeUndefined();
    expect(operationOf(templates, '/api/v1/${what}')).toBeUndefined();
  });
});
