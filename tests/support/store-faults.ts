import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import sqlite3 from 'sqlite3';
import { Bot, type CallContext } from '../../src/bot/bot.ts';
import { parseConsoleLine } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { createLogger, type Logger } from '../../src/logger.ts';

/** A logger whose JSON lines the test reads. */
export function capturedLogger(level = 'debug'): { log: Logger; lines: string[]; messages: () => string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger(level, stream);
  return { log, lines, messages: () => lines.map((l) => (JSON.parse(l) as { msg: string }).msg) };
}

/**
 * Another process's hold on a SQLite file: its own connection inside `BEGIN EXCLUSIVE` (as a
 * backup tool or a second bot would), until `release`.
 */
export async function lockSqliteFile(file: string): Promise<{ release: () => Promise<void> }> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  await new Promise<void>((resolve, reject) => db.exec('BEGIN EXCLUSIVE', (err) => (err ? reject(err) : resolve())));
  return {
    release: async () => {
      await new Promise<void>((resolve, reject) => db.exec('COMMIT', (err) => (err ? reject(err) : resolve())));
      await new Promise<void>((resolve) => db.close(() => resolve()));
    },
  };
}

/** Overwrites the 100-byte SQLite header with garbage; returns the original bytes so a test can repair it. */
export function corruptSqliteHeader(file: string): Buffer {
  const fd = openSync(file, 'r+');
  try {
    const original = Buffer.alloc(100);
    readSync(fd, original, 0, 100, 0);
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    return original;
  } finally {
    closeSync(fd);
  }
}

export function restoreSqliteHeader(file: string, header: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
}

/** The console user, as the console adapter calls the Bot. */
export const CONSOLE: CallContext = { surface: 'console', conversationId: 'local', userId: 'console', channelKey: 'console:local', canManageDigest: true };
/** A Slack user in channel C1 (a rate-limited surface, unlike the console). */
export const SLACK_USER: CallContext = { surface: 'slack', conversationId: 'C1', userId: 'U1', channelKey: 'slack:C1', canManageDigest: true };

/** One console line through the Bot, as the console adapter runs it. */
export async function consoleLine(bot: Bot, line: string, ctx: CallContext = CONSOLE): Promise<Reply> {
  const parsed = parseConsoleLine(line);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return bot.handle(parsed.command, ctx);
}

/** The text a person reads of a reply (notices and errors; other kinds by name). */
export const say = (reply: Reply) => (reply.kind === 'notice' ? reply.text : reply.kind === 'error' ? `${reply.code}: ${reply.message}` : reply.kind);

/** Collects unhandled rejections while a test file runs. */
export function watchUnhandledRejections(): { seen: unknown[]; stop: () => void } {
  const seen: unknown[] = [];
  const on = (err: unknown) => seen.push(err);
  process.on('unhandledRejection', on);
  return { seen, stop: () => process.off('unhandledRejection', on) };
}
