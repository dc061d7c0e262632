/** Settings of the web app itself; rules and lists shared with the server live in `src/core`. */

/** How often a page asks the API about a running import or job. */
export const POLL_INTERVAL_MS = 700;
