/**
 * Outreach by channel (issue 15): for each rung of the contact ladder, how many attempts were made in
 * a period and how many of them reached the young person (a conversation, core/outreach's rule), and
 * how many persons were tried and reached that way. Partille found drop-in gave few contacts and added
 * home visits: this is the figure that shows it. Pure; the server counts in SQL and folds here.
 */
import { CONTACT_CHANNELS, isCheckStep, type AttemptChannel, type ContactChannel } from './outreach.js';
import { share } from './figures.js';

/** Attempts of one channel in a period, grouped as the SQL counts them. */
export type ChannelCount = { channel: string; attempts: number; reached: number; persons: number; personsReached: number };

/** One rung's figures: attempts, reached attempts and their share, persons tried and reached. */
export type ChannelFigure = ChannelCount & { channel: ContactChannel; reachedShare: number | null };

/** The outreach-by-channel figure of a period. */
export type ChannelFigures = { from: string; to: string; channels: ChannelFigure[]; attempts: number; reached: number };

/**
 * Folds counts per channel into one row per rung of the ladder, in the ladder's order (`ladder`
 * first, then the other contact channels), zeros included; check steps (verifying with the school,
 * asking the team) are not attempts to reach anyone and are left out.
 */
export function channelFigures(input: { from: string; to: string; ladder: readonly string[]; counts: readonly ChannelCount[] }): ChannelFigures {
  const order = [...new Set([...input.ladder, ...CONTACT_CHANNELS])].filter(
    (c): c is ContactChannel => (CONTACT_CHANNELS as readonly string[]).includes(c) && !isCheckStep(c as AttemptChannel),
  );
  const byChannel = new Map(input.counts.map((c) => [c.channel, c]));
  const channels = order.map((channel) => {
    const c = byChannel.get(channel) ?? { attempts: 0, reached: 0, persons: 0, personsReached: 0 };
    return { channel, attempts: c.attempts, reached: c.reached, persons: c.persons, personsReached: c.personsReached, reachedShare: share(c.reached, c.attempts) };
  });
  return {
    from: input.from,
    to: input.to,
    channels,
    attempts: channels.reduce((n, c) => n + c.attempts, 0),
    reached: channels.reduce((n, c) => n + c.reached, 0),
  };
}
