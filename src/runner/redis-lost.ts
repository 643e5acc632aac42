// The stop reason of a queued run that lost Redis, apart from the queue code so the CLI can recognise it without loading BullMQ.

/** A stop reason that starts with this is Redis lost, not a person's interrupt (the CLI gives it its own exit code). */
export const REDIS_LOST_REASON = 'lost the connection to Redis';
