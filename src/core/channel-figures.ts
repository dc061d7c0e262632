/**
 * Outreach by channel (issue 15): for each rung of the contact ladder, how many attempts were made in
 * a period and how many of them reached the young person (a conversation, core/outreach's rule), and
 * how many persons were tried and reached that way. Partille found drop-in gave few contacts and added
 * home visits: this is the figure that shows it. Pure; the server counts in SQL and folds here.
 */
import { CONTACT_CHANNELS, isCheckStep, type AttemptChannel, type ContactChannel } from './outreach.js';
import { share } from './figures.js';

/** Attempts of one channel in a period, grouped as the SQL counts them. */
export type ChannelCount = {
  channel: string;
  attempts: number;
  reached: number;
  persons: number;
  personsReached: number;
};

/** One rung's figures: attempts, reached attempts and their share, persons tried and reached. */
export type ChannelFigure = ChannelCount & { channel: ContactChannel; reachedShare: number | null };

/** One month of the register: persons in it at the month's end, and how many of them had been reached by then. */
export type RegisterMonth = { month: string; inRegister: number; reached: number; reachedShare: number | null };

/** The outreach-by-channel figure of a period, with the register's size and share reached per month. */
export type ChannelFigures = {
  from: string;
  to: string;
  channels: ChannelFigure[];
  attempts: number;
  reached: number;
  months: RegisterMonth[];
};

/** The months (YYYY-MM) a period touches, first to last; none for days that are not YYYY-MM-DD. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  if (!/^\d{4}-\d{2}/.test(from) || !/^\d{4}-\d{2}/.test(to)) return out;
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month > last) return out;
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/**
 * Folds counts per channel into one row per rung of the ladder, in the ladder's order (`ladder`
 * first, then the other contact channels), zeros included; check steps (verifying with the school,
 * asking the team) are not attempts to reach anyone and are left out.
 */
export function channelFigures(input: {
  from: string;
  to: string;
  ladder: readonly string[];
  counts: readonly ChannelCount[];
  register?: readonly { month: string; inRegister: number; reached: number }[];
}): ChannelFigures {
  const register = new Map((input.register ?? []).map((r) => [r.month, r]));
  const months = monthsOf(input.from, input.to).map((month) => {
    const r = register.get(month) ?? { inRegister: 0, reached: 0 };
    return { month, inRegister: r.inRegister, reached: r.reached, reachedShare: share(r.reached, r.inRegister) };
  });
  const order = [...new Set([...input.ladder, ...CONTACT_CHANNELS])].filter(
    (c): c is ContactChannel =>
      (CONTACT_CHANNELS as readonly string[]).includes(c) && !isCheckStep(c as AttemptChannel),
  );
  const byChannel = new Map(input.counts.map((c) => [c.channel, c]));
  const channels = order.map((channel) => {
    const c = byChannel.get(channel) ?? { attempts: 0, reached: 0, persons: 0, personsReached: 0 };
    return {
      channel,
      attempts: c.attempts,
      reached: c.reached,
      persons: c.persons,
      personsReached: c.personsReached,
      reachedShare: share(c.reached, c.attempts),
    };
  });
  return {
    from: input.from,
    to: input.to,
    channels,
    attempts: channels.reduce((n, c) => n + c.attempts, 0),
    reached: channels.reduce((n, c) => n + c.reached, 0),
    months,
  };
}
