/** Calendar days as Lotsa's users live them: in Sweden, whatever the server's time zone. */

const swedishDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Sweden at `at`, as YYYY-MM-DD (sv-SE formats dates that way). */
export function todayInSweden(at: Date = new Date()): string {
  return swedishDay.format(at);
}
