// Runs async work under a time budget, handing it an AbortSignal that fires when time is up.

export class BudgetExceededError extends Error {
  constructor(readonly budgetMs: number, what: string) {
    super(`${what} did not finish within ${budgetMs} ms`);
    this.name = 'BudgetExceededError';
  }
}

/**
 * Resolves with the work's result, or rejects with BudgetExceededError after
 * `budgetMs`. The work keeps running in the background if it ignores the signal;
 * callers close the page afterwards, which ends any such work.
 */
export async function withBudget<T>(budgetMs: number, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new BudgetExceededError(budgetMs, what));
    }, budgetMs);
  });
  const running = work(controller.signal);
  // If the budget wins the race, a later rejection of the work must not become unhandled.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
