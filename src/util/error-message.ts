// The first line of an error's message, short enough for a report entry or a log line.

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Protocol errors carry multi-line stacks from the browser; the first line says what happened.
  return message.split('\n')[0].slice(0, 500);
}
