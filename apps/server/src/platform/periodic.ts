// The background jobs `serve` starts (monthly reclassification, case jobs and mail, evaluation reminders) all check
// on a timer and let the database decide whether today's run is due; this is that timer.

export interface PeriodicOptions {
  /** Delay of the first run after start (the server is listening by then). */
  firstAfterMs?: number;
  everyMs: number;
  /** Called with what a run returned (to log it) and with a run's error. */
  onResult?: (result: never) => void;
  onError: (err: unknown) => void;
}

/**
 * Runs `run` shortly after start and then every `everyMs`, never two at once (a slow SMTP server or a long
 * reclassification must not pile runs onto each other). The timers are unref'd so they never keep the process
 * alive; the returned function stops them.
 */
export function startPeriodic<T>(
  run: () => Promise<T>,
  options: Omit<PeriodicOptions, "onResult"> & { onResult?: (result: T) => void },
): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    run()
      .then((result) => options.onResult?.(result), options.onError)
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, options.firstAfterMs ?? 10_000);
  first.unref();
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
