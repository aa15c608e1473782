import { pino } from 'pino';

/** A silent logger for tests that do not read the logs. */
export const silentLog = pino({ level: 'silent' });
