/**
 * One job of a kind at a time, the latest: starting one stops the one still
 * running (an operator who chose another file, or exported again, wants the
 * new one), and cancel stops whichever runs.
 */
export function latestRun() {
  let running: AbortController | undefined;
  return {
    /** Runs `job` with a signal that aborts when a newer run starts or cancel is called. */
    async run<T>(job: (signal: AbortSignal) => Promise<T>): Promise<T> {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      try {
        return await job(controller.signal);
      } finally {
        if (running === controller) running = undefined;
      }
    },
    /** Whether there was a run to stop. */
    cancel(): boolean {
      const cancelled = running !== undefined;
      running?.abort();
      return cancelled;
    },
  };
}
