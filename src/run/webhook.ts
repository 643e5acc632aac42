// Posts a run's summary to a webhook: full JSON plus a Slack-compatible `text`, or `text` alone; failures are logged, never fatal.
import { scrubData } from '../auth/secrets.js';
import type { Logger } from '../log/logger.js';
import { errorMessage } from '../util/error-message.js';

export interface WebhookSettings {
  url: string;
  format?: 'json' | 'slack';
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** 10 s: a receiver slower than that is treated as down. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** Sends the payload; returns true when the receiver answered 2xx. Never throws. */
export async function sendWebhook(settings: WebhookSettings, payload: { text: string } & Record<string, unknown>, logger: Logger): Promise<boolean> {
  const body = settings.format === 'slack' ? { text: payload.text } : payload;
  let where = 'the webhook';
  try {
    where = `the webhook at ${new URL(settings.url).host}`;
  } catch {
    // Keep the generic name: the URL may hold a token, so it is never logged whole.
  }
  try {
    const response = await fetch(settings.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'welcomemat', ...settings.headers },
      body: JSON.stringify(scrubData(body)),
      signal: AbortSignal.timeout(settings.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) {
      logger.warn(`${where} answered HTTP ${response.status}; the run itself succeeded`, { event: 'webhook-failed', status: response.status });
      return false;
    }
    logger.info(`sent the summary to ${where}`, { event: 'webhook-sent' });
    return true;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    logger.warn(`could not reach ${where}: ${errorMessage(cause ?? error)}; the run itself succeeded`, { event: 'webhook-failed' });
    return false;
  }
}
