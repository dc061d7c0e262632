/** The e-mail outbox as the API shows it to staff. */
import { z } from 'zod';

/** One e-mail in the reader's outbox; `to` is null when the reader may not see the person's contact details. */
export const emailOutboxMessageSchema = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  person: z.object({ givenName: z.string(), familyName: z.string() }),
  to: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['stored', 'sent', 'failed']),
  createdAt: z.string(),
});
export type EmailOutboxMessage = z.infer<typeof emailOutboxMessageSchema>;
