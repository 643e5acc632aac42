// Long-running mode: runs a job on a cron expression (croner) until a signal, never two runs at once, shutting down cleanly.
import { Cron } from 'croner';
import { parseCron } from '../config/values.js';
import type { Logger } from '../log/logger.js';
import { errorMessage } from '../util/error-message.js';

export interface ScheduleOptions {
  cron: string;
  timezone?: string;
  /** Also run once right away, not only at the first cron time. */
  runNow?: boolean;
  logger: Logger;
  /** Aborting stops the schedule: a run in progress is asked to stop (it writes a partial report) and awaited. */
  signal: AbortSignal;
  /** One run; gets a signal that aborts when the schedule stops. Returns the run's exit code. */
  job(signal: AbortSignal): Promise<number>;
}

/** Checks a cron expression; throws BAD_OPTIONS naming it. */
export function validateCron(expression: string, timezone?: string, name = 'schedule'): void {
  parseCron(expression, name, timezone);
}

/**
 * Resolves when the signal aborts and any run in progress has finished. Returns the
 * last run's exit code if a run was cut short, else 0 (a clean stop between runs).
 */
export async function runOnSchedule(options: ScheduleOptions): Promise<number> {
  const { logger, signal } = options;
  validateCron(options.cron, options.timezone);
  let current: Promise<number> | undefined;
  let cutShort = 0;
  const runJob = async () => {
    if (current || signal.aborted) {
      logger.warn('the previous run is still going; skipping this one', { event: 'run-skipped' });
      return;
    }
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    logger.info('scheduled run starting', { event: 'run-start' });
    current = options.job(controller.signal).catch((error) => {
      logger.error(`scheduled run failed: ${errorMessage(error)}`, { event: 'run-failed' });
      return 70;
    });
    const code = await current;
    signal.removeEventListener('abort', onAbort);
    current = undefined;
    if (signal.aborted) cutShort = code;
    const next = job.nextRun();
    logger.info(`scheduled run finished with exit code ${code}`, { event: 'run-finished', exitCode: code, ...(next && !signal.aborted ? { nextRun: next.toISOString() } : {}) });
  };
  // protect: croner itself also refuses to overlap runs.
  const job = new Cron(options.cron, { protect: true, ...(options.timezone ? { timezone: options.timezone } : {}) }, runJob);
  logger.info(`waiting for the schedule "${options.cron}"`, { event: 'schedule-start', cron: options.cron, nextRun: job.nextRun()?.toISOString() });
  if (options.runNow) void runJob();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  job.stop();
  logger.info('stopping: no new runs will start', { event: 'schedule-stop', running: Boolean(current) });
  if (current) await current;
  return cutShort;
}
