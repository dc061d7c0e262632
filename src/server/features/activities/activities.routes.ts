/**
 * /api/v1/activities, their sessions, enrolments and attendance, and a person's attendance report.
 * A session's id is `<activityId>_<YYYY-MM-DD>`, the day it was planned for (core's `sessionId`).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityBody,
  activityFiguresSchema,
  activityListQuery,
  activitySchema,
  activityUpdateBody,
  attendanceBody,
  attendanceFiguresQuery,
  attendanceFiguresSchema,
  centreClosureBody,
  centreClosureSchema,
  enrolmentBody,
  enrolmentEndBody,
  enrolmentSchema,
  personAttendanceQuery,
  personAttendanceSchema,
  rangeQuery,
  sessionAttendanceSchema,
  sessionChangeBody,
  sessionSchema,
} from '../../../core/activity-schemas.js';
import { todayInSweden } from '../../../core/dates.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import {
  changeSession,
  closeCentre,
  createActivity,
  enrol,
  getActivity,
  listActivities,
  listSessions,
  updateActivity,
} from './activities.service.js';
import { attendancePdf } from './attendance-pdf.js';
import { activityFigures, getSessionAttendance, personAttendance, putAttendance } from './attendance.service.js';
import { endEnrolment } from './enrolments.service.js';
import { attendanceFiguresFor, attendanceTable } from './attendance-figures.service.js';
import { csvOf, xlsxOf } from '../reports/reports.export.js';

const idParams = z.object({ id: z.string().uuid() });
const sessionParams = z.object({ id: z.string().max(60) });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the routes of group activities and attendance. */
export async function activityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/activities', {
    schema: {
      tags: ['activities'],
      summary: "The municipality's group activities, by title; includeInactive=true also lists ended ones",
      querystring: activityListQuery,
      response: { 200: z.array(activitySchema), ...errors },
    },
    handler: (request) => listActivities(contextOf(request), request.query.includeInactive),
  });
  r.post('/api/v1/activities', {
    schema: {
      tags: ['activities'],
      summary:
        'Create an activity: kind, leaders, place, capacity, weekly or single-date recurrence, ' +
        'optional offer, drop-in or closed',
      body: activityBody,
      response: { 201: activitySchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await createActivity(contextOf(request), request.body)),
  });
  r.post('/api/v1/activities/closed-periods', {
    schema: {
      tags: ['activities'],
      summary:
        'Close a whole centre for a period (a summer break, a Christmas closure): every active activity of the ' +
        'municipality, or of one unit, gets the closed period; answers how many activities it closed',
      body: centreClosureBody,
      response: { 200: centreClosureSchema, ...errors },
    },
    handler: (request) => closeCentre(contextOf(request), request.body),
  });
  r.get('/api/v1/activities/:id', {
    schema: {
      tags: ['activities'],
      summary: 'One activity',
      params: idParams,
      response: { 200: activitySchema, ...errors },
    },
    handler: (request) => getActivity(contextOf(request), request.params.id),
  });
  r.patch('/api/v1/activities/:id', {
    schema: {
      tags: ['activities'],
      summary: 'Change an activity, or end it with active=false; 409 when version is stale',
      params: idParams,
      body: activityUpdateBody,
      response: { 200: activitySchema, ...errors },
    },
    handler: (request) => updateActivity(contextOf(request), request.params.id, request.body),
  });
  r.get('/api/v1/activities/:id/sessions', {
    schema: {
      tags: ['activities'],
      summary:
        'The sessions from `from` to `to` (at most 400 days): Swedish holidays skipped, cancelled ' +
        'and moved sessions marked',
      params: idParams,
      querystring: rangeQuery,
      response: { 200: z.array(sessionSchema), ...errors },
    },
    handler: (request) => listSessions(contextOf(request), request.params.id, request.query.from, request.query.to),
  });
  r.get('/api/v1/activities/:id/figures', {
    schema: {
      tags: ['activities'],
      summary: 'Attendance rate over a period and anonymous visits counted (no names)',
      params: idParams,
      querystring: rangeQuery,
      response: { 200: activityFiguresSchema, ...errors },
    },
    handler: (request) => activityFigures(contextOf(request), request.params.id, request.query.from, request.query.to),
  });
  r.get('/api/v1/reports/attendance', {
    schema: {
      tags: ['figures'],
      summary:
        'Attendance over a period: per activity the sessions, statuses, rate and anonymous visits, and young ' +
        'people counted by the band of their rate; counts only (JSON, CSV, XLSX)',
      querystring: attendanceFiguresQuery,
      response: { 200: attendanceFiguresSchema.or(z.any()), ...errors },
    },
    handler: async (request, reply) => {
      const { from, to, format, lang } = request.query;
      const figures = await attendanceFiguresFor(contextOf(request), { from, to });
      if (format === 'json') return figures;
      const name = `${lang === 'sv' ? 'narvaro' : 'attendance'}-${from}-${to}`;
      const table = attendanceTable(figures);
      const file =
        format === 'csv'
          ? Buffer.from(csvOf(table.header, table.rows), 'utf8')
          : await xlsxOf([{ name: lang === 'sv' ? 'Närvaro' : 'Attendance', ...table }]);
      const type =
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply.type(type).header('content-disposition', `attachment; filename="${name}.${format}"`).send(file);
    },
  });
  r.post('/api/v1/activities/:id/enrolments', {
    schema: {
      tags: ['activities'],
      summary: 'Enrol a young person from a day (to a day or on); overlapping enrolments are refused',
      params: idParams,
      body: enrolmentBody,
      response: { 201: enrolmentSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await enrol(contextOf(request), request.params.id, request.body)),
  });

  r.patch('/api/v1/enrolments/:id', {
    schema: {
      tags: ['activities'],
      summary: "End an enrolment: its last day (the KAA's own staff on the person)",
      params: idParams,
      body: enrolmentEndBody,
      response: { 200: enrolmentSchema, ...errors },
    },
    handler: (request) => endEnrolment(contextOf(request), request.params.id, request.body),
  });

  r.patch('/api/v1/sessions/:id', {
    schema: {
      tags: ['activities'],
      summary: 'Cancel a session (or undo it) or move it; the id stays `<activityId>_<planned day>`',
      params: sessionParams,
      body: sessionChangeBody,
      response: { 200: sessionSchema, ...errors },
    },
    handler: (request) => changeSession(contextOf(request), request.params.id, request.body),
  });
  r.get('/api/v1/sessions/:id/attendance', {
    schema: {
      tags: ['activities'],
      summary:
        "A session's roster with each person's latest status, and its anonymous visits (the " +
        "activity's leaders and coordinators)",
      params: sessionParams,
      response: { 200: sessionAttendanceSchema, ...errors },
    },
    handler: (request) => getSessionAttendance(contextOf(request), request.params.id),
  });
  r.put('/api/v1/sessions/:id/attendance', {
    schema: {
      tags: ['activities'],
      summary:
        'Record attendance: a list of {personId|anonymous, status}; changes are stored as new ' +
        'entries (the latest wins)',
      params: sessionParams,
      body: attendanceBody,
      response: { 200: sessionAttendanceSchema, ...errors },
    },
    handler: (request) => putAttendance(contextOf(request), request.params.id, request.body),
  });

  r.get('/api/v1/persons/:id/attendance', {
    schema: {
      tags: ['activities'],
      summary:
        "A person's attendance over a period with figures, as JSON or PDF (lang=sv|en); only with " +
        'access to their contact and occupation',
      params: idParams,
      querystring: personAttendanceQuery,
      response: { 200: personAttendanceSchema.or(z.any()), ...errors },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { from, to, format, lang } = request.query;
      const { name, ...report } = await personAttendance(
        ctx,
        request.params.id,
        from,
        to,
        format === 'pdf' ? 'export' : 'read',
      );
      if (format === 'json') return report;
      const pdf = await attendancePdf({ ...report, name }, lang, todayInSweden(ctx.clock.now()));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="attendance-${from}-${to}.pdf"`)
        .send(pdf);
    },
  });
}
