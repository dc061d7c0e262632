/**
 * The minutes of a team meeting as a PDF: who was there, who receives the minutes, and the decisions.
 * The recipients are the staff recorded as present, the meeting's lead and whoever downloads it; a
 * young person is named (and the decision's text given) only when every one of them may see the
 * decision's category about that person, so passing the minutes round lifts no secrecy. Guests are
 * named as present but do not receive the minutes: they have no access to any young person.
 */
import type { Role } from '../../../core/roles.js';
import type { TeamDecisionKind } from '../../../core/team-meeting.js';
import type { Actor } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { field, heading, paragraph, pdfBuffer } from '../../pdf/pdf.js';
import { selectAttendees, selectDecisions, selectMeeting } from './team-meetings.queries.js';
import { getTeamMeeting } from './team-meetings.service.js';

type Language = 'sv' | 'en';

const TEXT = {
  sv: {
    title: (team: string) => `Protokoll från teammöte, ${team}`,
    date: 'Datum',
    time: 'Tid',
    place: 'Plats',
    lead: 'Ordförande',
    present: 'Närvarande',
    guests: 'Gäster',
    nobody: 'Ingen närvaro är registrerad.',
    recipients: 'Protokollet delas med',
    decisions: 'Beslut',
    noDecisions: 'Inga beslut fattades.',
    hidden: 'En ung person (visas inte: alla som får protokollet får inte se uppgiften)',
    rule:
      'En ung person namnges bara när alla som får protokollet får se uppgiften om hen. ' +
      'Gäster får inte protokollet.',
    kinds: {
      accepted: 'Antagen till teamet',
      waiting_list: 'Väntelista',
      declined: 'Avslag',
      new_measure: 'Ny insats',
      referral: 'Remiss',
      contact_person_change: 'Byte av kontaktperson',
      closing: 'Avslut',
      other: 'Övrigt',
    } satisfies Record<TeamDecisionKind, string>,
    footer: 'Lotsa · Aktivitetsansvaret för unga 16–19 år',
  },
  en: {
    title: (team: string) => `Minutes of the team meeting, ${team}`,
    date: 'Date',
    time: 'Time',
    place: 'Place',
    lead: 'Chair',
    present: 'Present',
    guests: 'Guests',
    nobody: 'No attendance is recorded.',
    recipients: 'The minutes go to',
    decisions: 'Decisions',
    noDecisions: 'No decisions were made.',
    hidden: 'A young person (not shown: not everyone who receives the minutes may see this)',
    rule:
      'A young person is named only when everyone who receives the minutes may see this about them. ' +
      'Guests do not receive the minutes.',
    kinds: {
      accepted: 'Accepted to the team',
      waiting_list: 'Waiting list',
      declined: 'Declined',
      new_measure: 'New measure',
      referral: 'Referral',
      contact_person_change: 'Change of contact person',
      closing: 'Closing',
      other: 'Other',
    } satisfies Record<TeamDecisionKind, string>,
    footer: 'Lotsa · Municipal activity responsibility for young people',
  },
};

/** The minutes of the meeting as a PDF, for a reader of the meeting; the export is audited, each named person too. */
export async function meetingMinutes(ctx: RequestContext, meetingId: string, language: Language): Promise<Buffer> {
  // The same checks as reading the meeting (and its audited read) before anything is written.
  const read = await getTeamMeeting(ctx, meetingId);
  return audited(ctx, async ({ trx, audit }) => {
    const meeting = await selectMeeting(trx, ctx.actor.municipalityId, meetingId);
    if (!meeting) throw new AppError('not_found');
    const attendees = await selectAttendees(trx, meeting.id);
    const ids = [
      ...new Set([
        ...attendees.flatMap((a) => (a.staff_id ? [a.staff_id] : [])),
        ...(meeting.lead_id ? [meeting.lead_id] : []),
        ctx.actor.id,
      ]),
    ];
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'name', 'role', 'municipality_id', 'unit_id'])
      .where('id', 'in', ids)
      .orderBy('name')
      .execute();
    const recipients: Actor[] = staff.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role as Role,
      municipalityId: s.municipality_id,
      unitId: s.unit_id,
    }));
    // A decision is named only when every recipient sees it: the intersection of what each sees.
    const seen = await Promise.all(
      recipients.map(
        async (r) => new Set((await selectDecisions(trx, r, meeting.id)).filter((d) => d.shown).map((d) => d.id)),
      ),
    );
    const decisions = await selectDecisions(trx, ctx.actor, meeting.id);
    const lines = decisions.map((d) => ({ ...d, named: d.shown && seen.every((s) => s.has(d.id)) }));
    const named = [...new Set(lines.filter((l) => l.named).map((l) => l.person_id!))];
    await audit(
      {
        action: 'export',
        entity: 'team_meeting_minutes',
        entityId: meeting.id,
        detail: { language, recipients: recipients.map((r) => r.id), decisions: lines.length, named: named.length },
      },
      ...named.map((personId) => ({
        action: 'export' as const,
        entity: 'team_meeting_minutes' as const,
        entityId: meeting.id,
        personId,
      })),
    );
    const T = TEXT[language];
    return pdfBuffer({ title: T.title(meeting.team_name), language }, (doc) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(16)
        .text(T.title(meeting.team_name))
        .font('Helvetica')
        .fontSize(10.5)
        .moveDown(0.5);
      field(doc, T.date, meeting.held_on);
      if (meeting.meeting_time) field(doc, T.time, meeting.meeting_time);
      if (meeting.place) field(doc, T.place, meeting.place);
      field(doc, T.lead, meeting.lead_name ?? '');
      heading(doc, T.present);
      const present = read.members.filter((m) => m.present);
      if (present.length === 0 && read.guests.length === 0) paragraph(doc, T.nobody);
      for (const m of present) paragraph(doc, m.unit ? `${m.name}, ${m.unit}` : m.name);
      if (read.guests.length) {
        heading(doc, T.guests, 11);
        for (const g of read.guests) paragraph(doc, g.role ? `${g.name}, ${g.role}` : g.name);
      }
      heading(doc, T.recipients, 11);
      paragraph(doc, recipients.map((r) => r.name).join(', '));
      heading(doc, T.decisions);
      if (lines.length === 0) paragraph(doc, T.noDecisions);
      lines.forEach((l, i) => {
        const kind = T.kinds[l.kind as TeamDecisionKind];
        if (!l.named) return paragraph(doc, `${i + 1}. ${T.hidden}: ${kind}.`);
        paragraph(doc, `${i + 1}. ${l.name}: ${kind}.${l.text ? ` ${l.text}` : ''}`);
      });
      doc.moveDown(1).fontSize(9).text(T.rule).moveDown(0.5).text(T.footer);
    });
  });
}
