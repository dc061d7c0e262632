/**
 * Letter and text-message templates: a municipality's own, or the defaults below, in Swedish and
 * English. Placeholders are {{name}}, {{contactPerson}}, {{phone}} and {{meetingTime}}; a text
 * message may not name the young person, and no template may hold an identity number, so nothing
 * sensitive is ever sent or left in a letterbox by mistake.
 */
import type { z } from 'zod';
import {
  TEMPLATE_KINDS,
  type MessageTemplate,
  type TemplateKind,
  type templateBody,
} from '../../../core/outreach-schemas.js';
import { requireCapability } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { containsIdentityNumber } from '../../../core/message-safety.js';
import { insertTemplate, templateRow, updateTemplate } from './letters.queries.js';

type Language = 'sv' | 'en';
type Text = { heading: string; body: string };

/** The placeholders each kind of template may use. */
export const PLACEHOLDERS: Record<TemplateKind, readonly string[]> = {
  letter: ['name', 'contactPerson', 'phone', 'meetingTime'],
  second_letter: ['name', 'contactPerson', 'phone', 'meetingTime'],
  home_visit_notice: ['name', 'contactPerson', 'phone', 'meetingTime'],
  sms: ['contactPerson', 'phone', 'meetingTime'],
};

/** The templates every municipality starts with. */
export const DEFAULT_TEMPLATES: Record<TemplateKind, Record<Language, Text>> = {
  letter: {
    sv: {
      heading: 'Hej {{name}}!',
      body:
        'Vi försöker nå dig för att höra hur du har det och vad du gör just nu. Vi finns här för att hjälpa dig ' +
        'vidare, till exempel med studier, praktik eller jobb.\n\nRing eller sms:a gärna {{contactPerson}} på ' +
        '{{phone}} så bestämmer vi en tid som passar dig.',
    },
    en: {
      heading: 'Hello {{name}}!',
      body:
        'We are trying to reach you to hear how you are ' +
        'and what you are doing at the moment. We are here to help you onwards, for example with studies, ' +
        'work experience or a job.\n\nPlease call or text {{contactPerson}} on {{phone}} ' +
        'and we will find a time that suits you.',
    },
  },
  second_letter: {
    sv: {
      heading: 'Hej igen, {{name}}!',
      body:
        'Vi har skrivit till dig tidigare men inte fått kontakt. Vi vill gärna träffa dig och prata om vad du ' +
        'vill göra framåt. Det är frivilligt och kostar ingenting.\n\nHör av dig till {{contactPerson}} på {{phone}}.',
    },
    en: {
      heading: 'Hello again, {{name}}!',
      body:
        'We have written to you before but have not been in touch. We would like to meet you ' +
        'and talk about what you want to do next. It is voluntary ' +
        'and free of charge.\n\nPlease get in touch with {{contactPerson}} on {{phone}}.',
    },
  },
  home_visit_notice: {
    sv: {
      heading: 'Vi kommer på besök',
      body:
        'Hej {{name}}! Vi har inte lyckats nå dig på telefon eller med brev. Därför kommer två av oss hem till ' +
        'dig {{meetingTime}}.\n\nPassar tiden inte, eller vill du hellre träffas någon annanstans, ' +
        'ring {{contactPerson}} på {{phone}}.',
    },
    en: {
      heading: 'We will come and visit',
      body:
        'Hello {{name}}! We have not managed to reach you by phone ' +
        'or letter. So two of us will come to your home {{meetingTime}}.\n\nIf the time does not suit you, ' +
        'or you would rather meet somewhere else, call {{contactPerson}} on {{phone}}.',
    },
  },
  sms: {
    sv: {
      heading: '',
      body:
        'Hej! Det här är {{contactPerson}}. Jag skulle gärna vilja prata med dig en stund. Ring eller sms:a mig ' +
        'på {{phone}}. Svara STOP om du inte vill ha sms från oss.',
    },
    en: {
      heading: '',
      body:
        'Hi! This is {{contactPerson}}. I would like to talk with you for a while. Call or text me ' +
        'on {{phone}}. Reply STOP if you do not want texts from us.',
    },
  },
};

/**
 * Throws 400 `template_unsafe` unless every placeholder is allowed for the kind and no identity number is written out
 * (in any form, spaces included).
 */
export function checkTemplate(kind: TemplateKind, text: string): void {
  const used = [...text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!);
  const unknown = used.filter((p) => !PLACEHOLDERS[kind].includes(p));
  if (unknown.length || containsIdentityNumber(text))
    throw new AppError('template_unsafe', [{ field: 'body', code: 'invalid' }]);
}

/** Fills the placeholders of `text`; a missing value becomes empty. */
export function fill(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, key: string) => values[key] ?? '');
}

/** The template in force for a kind and language (the municipality's own, else the default). */
export async function templateFor(
  db: Db,
  { municipalityId, kind, language }: { municipalityId: string; kind: TemplateKind; language: Language },
): Promise<MessageTemplate> {
  const row = await templateRow(db, { municipalityId, kind, language });
  return { kind, language, ...(row ?? { ...DEFAULT_TEMPLATES[kind][language], version: 0 }) };
}

/** Every template in force, both languages. */
export async function listTemplates(ctx: RequestContext): Promise<MessageTemplate[]> {
  requireCapability(ctx.actor, 'outreach.work');
  const all: MessageTemplate[] = [];
  for (const kind of TEMPLATE_KINDS)
    for (const language of ['sv', 'en'] as const)
      all.push(await templateFor(ctx.db, { municipalityId: ctx.actor.municipalityId, kind, language }));
  return all;
}

/** A coordinator saves a template; `version` as read (0 while the default applies), 409 if it changed meanwhile. */
export async function saveTemplate(
  ctx: RequestContext,
  { kind, language, input }: { kind: TemplateKind; language: Language; input: z.infer<typeof templateBody> },
): Promise<MessageTemplate> {
  requireCapability(ctx.actor, 'outreach.configure');
  checkTemplate(kind, `${input.heading}\n${input.body}`);
  return audited(ctx, async ({ trx, audit }) => {
    const values = { heading: input.heading, body: input.body, updated_by: ctx.actor.id };
    const key = { municipalityId: ctx.actor.municipalityId, kind, language };
    const saved =
      input.version === 0
        ? await insertTemplate(trx, key, values)
        : await updateTemplate(trx, { ...key, version: input.version }, values);
    if (!saved) throw new AppError('version_conflict');
    await audit({ action: 'update', entity: 'message_template', entityId: `${kind}:${language}` });
    return { kind, language, heading: input.heading, body: input.body, version: saved.version };
  });
}
