/**
 * Logs a recurring condition once when it starts and once when it ends, with the cause: an
 * outage seen by every request must not log once per request, and must not go unlogged either.
 */
export function stateLog(what: string) {
  let failing = false;
  return {
    failed(cause: unknown) {
      if (failing) return;
      failing = true;
      console.error(
        `[owl] ${what} failed; further failures are not logged until it recovers`,
        cause,
      );
    },
    ok() {
      if (!failing) return;
      failing = false;
      console.info(`[owl] ${what} works again`);
    },
  };
}
