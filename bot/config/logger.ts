import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (levels via LOG_LEVEL); pretty only when a person watches a terminal. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', pretty = process.stdout.isTTY): Logger {
  if (pretty && level !== 'silent') {
    return pino({ level, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino({ level });
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
