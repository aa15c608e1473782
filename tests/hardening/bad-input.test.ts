/**
 * The bad-input matrix: every case here is a row of docs/bad-input.md (the row number is in the
 * test name). Each input gets a clear message or a logged skip; nothing throws out of the
 * layer that met it; what was stored before is still there afterwards.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../adapters/cli/parse-args.ts';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { renderDiscord } from '../../adapters/discord/render-discord.ts';
import { renderSlack } from '../../adapters/slack/render-slack.ts';
import { decodeSlackText } from '../../adapters/slack/slack-text.ts';
import { Bot, type CallContext } from '../../src/bot/bot.ts';
import { parseBriefText, parseConsoleLine, type Command } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { loadConfig } from '../../src/config.ts';
import { ConfigError, CorpusUnreadableError } from '../../src/errors.ts';
import { loadCorpus, type LoadedCorpus } from '../../src/engine/corpus/load-corpus.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { localEngineApi } from '../../src/engine-host/engine-api.ts';
import { healthPort } from '../../src/health-server.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { makeDigestRig, type DigestRig } from '../support/digest-rig.ts';
import { runCli } from '../support/run-command.ts';
import { loadSeedEngine, SEED_ID } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

const GOOD = 'Harbour council approves budget\n\nThe harbour council approved a budget of 40 million euros on Tuesday. Ferry fares will rise by 10 percent next spring.';

/** A corpus folder with one good article and the given bad files. */
function corpusWith(files: Record<string, string | Buffer>): { dir: string; remove: () => void } {
  const temp = makeTempDir('bad-input-');
  writeFileSync(join(temp.dir, 'good.txt'), GOOD);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(temp.dir, name), body);
  return temp;
}

async function load(files: Record<string, string | Buffer>): Promise<LoadedCorpus> {
  const temp = corpusWith(files);
  try {
    return await loadCorpus(temp.dir);
  } finally {
    temp.remove();
  }
}

const reasons = (c: LoadedCorpus, path: string) => c.warnings.filter((w) => w.path === path).map((w) => w.reason);
const ids = (c: LoadedCorpus) => c.articles.map((a) => a.id).sort();

describe('bad input: corpus files (a logged skip; the good file still loads)', () => {
  it('#1 a binary file is skipped', async () => {
    const c = await load({ 'photo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a, 0xff, 0x00]) });
    expect(ids(c)).toEqual(['good.txt']);
    expect(reasons(c, 'photo.txt')).toEqual(['binary file (contains NUL bytes), skipped']);
  });

  it('#2 an empty file and #3 a file of blanks are skipped', async () => {
    const c = await load({ 'empty.txt': '', 'blank.md': ' \n\t\n  ' });
    expect(ids(c)).toEqual(['good.txt']);
    expect(reasons(c, 'empty.txt')).toEqual(['empty file, skipped']);
    expect(reasons(c, 'blank.md')).toEqual(['empty file, skipped']);
  });

  it('#4 a 50 MB file is skipped at once, without being read', async () => {
    const temp = corpusWith({});
    try {
      writeFileSync(join(temp.dir, 'dump.txt'), Buffer.alloc(50 * 1024 * 1024, 'lorem ipsum '));
      writeFileSync(join(temp.dir, 'dump.html'), Buffer.alloc(50 * 1024 * 1024, '<p>x</p>'));
      const started = performance.now();
      const c = await loadCorpus(temp.dir);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(ids(c)).toEqual(['good.txt']);
      expect(reasons(c, 'dump.txt')).toEqual(['file too large for one article (50 MB, the limit is 5 MB), skipped']);
      expect(reasons(c, 'dump.html')).toHaveLength(1);
    } finally {
      temp.remove();
    }
  });

  it('#5 a JSON object whose text is over 5 MB is skipped; its neighbours load', async () => {
    const huge = JSON.stringify({ id: 'huge', text: 'word '.repeat(1_100_000) });
    const c = await load({ 'feed.jsonl': `{"id":"a","text":"${GOOD.replace(/\n/g, ' ')}"}\n${huge}\n` });
    expect(ids(c)).toEqual(['a', 'good.txt']);
    expect(reasons(c, 'feed.jsonl')[0]).toMatch(/^line 2 has a text too large for one article/);
  });

  it('#6 invalid UTF-8 is read as Windows-1252, with a warning', async () => {
    const c = await load({ 'latin.txt': Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owners protest the new harbour rules on Tuesday.')]) });
    expect(c.articles.find((a) => a.id === 'latin.txt')?.text).toContain('Café owners');
    expect(reasons(c, 'latin.txt')).toEqual(['not valid UTF-8, read as Windows-1252']);
  });

  it('#7 HTML with no body text is skipped', async () => {
    const c = await load({ 'empty.html': '<!DOCTYPE html><html><head><title>Nothing here</title></head></html>' });
    expect(ids(c)).toEqual(['good.txt']);
    expect(reasons(c, 'empty.html')).toEqual(['HTML page has no text, skipped']);
  });

  it('#8 an HTML fragment without <html> or <body> is read', async () => {
    const c = await load({ 'fragment.html': '<p>The ferry terminal opens in spring, the council said on Tuesday after a long debate.</p>' });
    expect(c.articles.find((a) => a.id === 'fragment.html')?.text).toMatch(/^The ferry terminal opens in spring/);
  });

  it('#9 an .html file with no markup at all is read as plain text', async () => {
    const c = await load({ 'plain.html': 'The ferry terminal opens in spring, the council said on Tuesday.' });
    expect(c.articles.find((a) => a.id === 'plain.html')).toBeTruthy();
    expect(reasons(c, 'plain.html')).toEqual(['HTML file has no markup; read as plain text']);
  });

  it('#10 HTML nested 50,000 deep is read as plain text, quickly', async () => {
    const started = performance.now();
    const c = await load({ 'deep.html': `${'<div>'.repeat(50_000)}The council met on Tuesday and approved the harbour budget.${'</div>'.repeat(50_000)}` });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(c.articles.find((a) => a.id === 'deep.html')?.text).toBe('The council met on Tuesday and approved the harbour budget.');
    expect(reasons(c, 'deep.html')[0]).toMatch(/too deep a nesting/);
  });

  it('#11 a broken RSS file is skipped, naming the XML error', async () => {
    const c = await load({ 'news.rss': '<?xml version="1.0"?><rss><channel><item><title>Half an item</title><description>cut off' });
    expect(ids(c)).toEqual(['good.txt']);
    expect(reasons(c, 'news.rss')[0]).toMatch(/^broken XML \(.+, line \d+\), skipped$/);
  });

  it('#12 XML that is not a feed is skipped', async () => {
    const c = await load({ 'config.xml': '<?xml version="1.0"?><settings><volume>11</volume></settings>' });
    expect(reasons(c, 'config.xml')).toEqual(['XML file is not an RSS or Atom feed, skipped']);
  });

  it('#13 a feed item with no text is skipped; the others load', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
      <item><guid>empty-1</guid><title>Nothing</title></item>
      <item><guid>ok-2</guid><title>Ferry fares rise</title><description>Ferry fares will rise by 10 percent next spring, the council said.</description></item>
      </channel></rss>`;
    const c = await load({ 'news.rss': rss });
    expect(ids(c)).toEqual(['good.txt', 'ok-2']);
    expect(reasons(c, 'news.rss')).toEqual(['feed item 1 has no text, skipped']);
  });

  it('#14 a JSONL file with a broken line loads its other lines', async () => {
    const c = await load({ 'a.jsonl': '{"id":"one","text":"The council met on Tuesday."}\n{"id":"two","text":"cut off\n{"id":"three","text":"Ferry fares rise."}\n' });
    expect(ids(c)).toEqual(['good.txt', 'one', 'three']);
    expect(reasons(c, 'a.jsonl')).toEqual(['line 2 is not valid JSON, skipped']);
  });

  it('#15 a JSONL file of 20,000 garbage lines logs 50 of them and a count, quickly', async () => {
    const started = performance.now();
    const c = await load({ 'junk.jsonl': 'not json at all\n'.repeat(20_000) });
    expect(performance.now() - started).toBeLessThan(3000);
    const r = reasons(c, 'junk.jsonl');
    expect(r).toHaveLength(51);
    expect(r[0]).toBe('line 1 is not a JSON object, skipped');
    expect(r.at(-1)).toBe('19950 more lines skipped (20000 in all)');
  });

  it('#16 a JSON array with a non-object and an object without text', async () => {
    const c = await load({ 'items.json': JSON.stringify([42, { title: 'No text' }, { id: 'ok', text: 'The council met on Tuesday.' }]) });
    expect(ids(c)).toEqual(['good.txt', 'ok']);
    expect(reasons(c, 'items.json')).toEqual(['item 1 is not a JSON object, skipped', 'item 2 has no "text" field, skipped']);
  });

  it('#17 broken YAML front matter is ignored with a warning; the body loads', async () => {
    const c = await load({ 'note.md': '---\ntitle: [unclosed\ndate: :\n---\nThe council met on Tuesday and approved the budget.' });
    expect(c.articles.find((a) => a.id === 'note.md')).toBeTruthy();
    expect(reasons(c, 'note.md')[0]).toMatch(/^front matter is not valid YAML, ignored/);
  });

  it('#18 files of unsupported types and hidden files are ignored without a warning', async () => {
    const c = await load({ 'scan.pdf': '%PDF-1.7', 'report.docx': 'PK', '.secret.txt': 'hidden' });
    expect(ids(c)).toEqual(['good.txt']);
    expect(c.warnings).toEqual([]);
  });

  it('#19 a corpus path that does not exist is one clear error (the bot does not start)', async () => {
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow(CorpusUnreadableError);
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow('Corpus path not found: /nonexistent/corpus');
  });

  it('#20 an unreadable sub-folder is skipped with a warning', async () => {
    const temp = corpusWith({});
    try {
      mkdirSync(join(temp.dir, 'locked'));
      writeFileSync(join(temp.dir, 'locked', 'x.txt'), GOOD);
      chmodSync(join(temp.dir, 'locked'), 0o000);
      const c = await loadCorpus(temp.dir);
      chmodSync(join(temp.dir, 'locked'), 0o755);
      // root reads every folder; anyone else gets the warning
      if (process.getuid?.() === 0) expect(ids(c)).toEqual(['good.txt', 'locked/x.txt']);
      else {
        expect(ids(c)).toEqual(['good.txt']);
        expect(reasons(c, 'locked')).toEqual(['folder cannot be read, skipped']);
      }
    } finally {
      temp.remove();
    }
  });
});

describe('bad input: commands and questions (a clear message; nothing stored is lost)', () => {
  const temp = makeTempDir();
  let store: Store;
  let engine: Engine;
  let bot: Bot;
  const slack: CallContext = { surface: 'slack', conversationId: 'D1', userId: 'U1' };
  const now = () => new Date('2024-11-30T20:00:00Z');
  const run = async (command: Command, ctx: CallContext = slack): Promise<Reply> => bot.handle(command, ctx);
  const consoleLine = async (line: string): Promise<Reply> => {
    const parsed = parseConsoleLine(line);
    return parsed.ok ? run(parsed.command) : { kind: 'error', ...parsed.error };
  };

  beforeAll(async () => {
    store = await openStore({ dataDir: temp.dir });
    engine = await loadSeedEngine();
    bot = new Bot({ engine, store, log: silentLog, now });
    // state that must survive every bad input below
    await run({ name: 'ask', question: 'Who captured the palace in Aleppo?' }, { surface: 'slack', conversationId: 'KEEP', userId: 'U9' });
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('#21 an empty question is refused with the usage line', () => {
    for (const parsed of [parseConsoleLine(''), parseConsoleLine('/ask'), parseConsoleLine('/ask    '), parseBriefText('ask')]) {
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.code).toBe('usage');
    }
    const ask = parseConsoleLine('/ask');
    expect(!ask.ok && ask.error.message).toBe('Ask a question, e.g. "ask who captured the palace in Aleppo?"');
  });

  it('#22 a 10,000-character question is refused, saying the limit', () => {
    const parsed = parseBriefText(`ask ${'why '.repeat(2500)}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toBe('That question is 9999 characters long; keep it under 1000.');
  });

  it('#23 control, zero-width and direction characters are removed, and the question answered', async () => {
    const parsed = parseConsoleLine('Who\u200B captured\u0007 the pal\u200Dace in \u202EAleppo\u202C?\u0000');
    expect(parsed).toEqual({ ok: true, command: { name: 'ask', question: 'Who captured  the palace in Aleppo? ' .trim() } });
    const reply = await run((parsed as { ok: true; command: Command }).command);
    expect(reply.kind === 'answer' && reply.answer.sources[0]?.id).toBe(SEED_ID);
  });

  it('#24 a line of only invisible characters is an empty question', () => {
    const parsed = parseConsoleLine('\u200B\u200C\uFEFF\u0000\u202E');
    expect(!parsed.ok && parsed.error.message).toBe('Type a question, or /help for the commands.');
  });

  it('#25 an unknown console command names itself and points to help', async () => {
    expect(await consoleLine('/frobnicate now')).toMatchObject({ kind: 'error', code: 'usage', message: 'Unknown command "frobnicate". Type help to see the commands.' });
  });

  it('#26 an unknown digest action lists the actions', async () => {
    expect(await consoleLine('/digest sometimes')).toMatchObject({ kind: 'error', code: 'usage', message: 'Unknown digest action "sometimes". Use one of: now, subscribe, unsubscribe, status, list.' });
  });

  it('#27 Slack `/brief WORD` with an unknown word is a topic brief that says it found nothing', async () => {
    const parsed = parseBriefText('frobnicate');
    expect(parsed).toEqual({ ok: true, command: { name: 'brief', topic: 'frobnicate', since: null } });
    expect(await run((parsed as { ok: true; command: Command }).command)).toMatchObject({ kind: 'stories', stories: [], empty: 'No stories about "frobnicate".' });
  });

  it('#28 CLI: an unknown option, an unknown command, a bad number and a missing value are usage errors', () => {
    expect(parseCliArgs(['brief', '--frob', 'x'])).toEqual({ ok: false, error: { code: 'usage', message: 'Unknown option --frob for brief.' } });
    expect(parseCliArgs(['explode'])).toMatchObject({ ok: false, error: { code: 'usage', message: expect.stringMatching(/^Unknown command "explode"/) } });
    expect(parseCliArgs(['brief', '--limit', '-1'])).toMatchObject({ ok: false, error: { code: 'usage', message: '--limit takes a whole number of at least 0, not "-1".' } });
    expect(parseCliArgs(['brief', '--limit', 'many'])).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(parseCliArgs(['brief', '--topic'])).toEqual({ ok: false, error: { code: 'usage', message: '--topic needs a value.' } });
    expect(parseCliArgs(['ask', '   '])).toMatchObject({ ok: false, error: { code: 'usage' } });
  });

  it('#29 CLI: an unknown option exits 2 with a JSON usage error on stdout', async () => {
    const r = await runCli(['brief', '--frob', 'x', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'usage', message: 'Unknown option --frob for brief.' } });
  });

  it('#30 a summary of an id that does not exist is not_found', async () => {
    const reply = await consoleLine('/summary 999_does_not_exist.txt');
    expect(reply).toMatchObject({ kind: 'error', code: 'not_found' });
    if (reply.kind === 'error') expect(reply.message.length).toBeGreaterThan(10);
  });

  it('#31 a path-like id (../../etc/passwd) is only a name that matches nothing', async () => {
    expect(await consoleLine('/summary ../../etc/passwd')).toMatchObject({ kind: 'error', code: 'not_found' });
  });

  it('#32 since: that is not a date explains the accepted forms', async () => {
    const reply = await consoleLine('/brief since:whenever');
    expect(reply).toMatchObject({ kind: 'error', code: 'usage', message: 'Could not read "whenever" as a date. Try since:yesterday, since:3 days ago or since:2024-11-30.' });
  });

  it('#33 a 1 MB since: is refused at once', async () => {
    const started = performance.now();
    const reply = await run({ name: 'brief', topic: '', since: '3 days ago '.repeat(100_000) });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(reply).toMatchObject({ kind: 'error', code: 'usage', message: expect.stringMatching(/at most 80 characters/) });
  });

  it('#34 since: in the far future gives an empty brief that says so', async () => {
    expect(await consoleLine('/brief since:2099-01-01')).toMatchObject({ kind: 'stories', stories: [], empty: 'No stories since 2099-01-01.' });
  });

  it('#35 sources with words that match nothing says so', async () => {
    expect(await consoleLine('/sources zzyzx qwv')).toMatchObject({ kind: 'sources', articles: [] });
  });

  it('#36 a question of punctuation only gets "the corpus does not say"', async () => {
    const reply = await consoleLine('???!!!');
    expect(reply.kind === 'answer' && reply.answer.answer).toBeNull();
  });

  it('#37 a Slack mention of @channel inside a question is decoded, and the reply pings no one', async () => {
    const text = decodeSlackText('<!channel> <@U123> who captured the palace in <#C1|general> Aleppo?');
    expect(text).toBe('@channel @U123 who captured the palace in #general Aleppo?');
    const reply = await run({ name: 'ask', question: text });
    const rendered = JSON.stringify(renderSlack(reply));
    expect(rendered).not.toMatch(/<!channel>|<@U|<#C|@channel\b/);
  });

  it('#38 @everyone in a Discord question is shown, never pinged', async () => {
    const reply = await run({ name: 'ask', question: '@everyone @here <@123456> who captured the palace in Aleppo?' }, { surface: 'discord', conversationId: 'x', userId: 'D1' });
    for (const m of renderDiscord(reply)) {
      expect(m.allowedMentions).toEqual({ parse: [] });
      expect(JSON.stringify(m)).not.toMatch(/@everyone|@here|<@\d/);
    }
  });

  it('#39 forget with nothing stored says so', async () => {
    expect(await run({ name: 'forget' }, { surface: 'slack', conversationId: 'x', userId: 'NEW' })).toMatchObject({
      kind: 'notice',
      text: expect.stringMatching(/^I held nothing about you/),
    });
  });

  it('#40 an exception inside a command becomes an apology with a reference; the console goes on', async () => {
    const api = localEngineApi(engine);
    const failing = new Bot({ engine: api, store, log: silentLog, now });
    (api as { summarize: unknown }).summarize = () => {
      throw new Error('boom');
    };
    {
      const reply = await failing.handle({ name: 'summary', target: 'x' }, slack);
      expect(reply).toMatchObject({ kind: 'error', code: 'internal', message: expect.stringMatching(/^Sorry, something went wrong \(reference [A-Z0-9]+\)\.$/) });
      const input = new PassThrough();
      const output = new PassThrough();
      let text = '';
      output.on('data', (d: Buffer) => (text += d.toString()));
      const done = runConsole({ bot: failing, log: silentLog, input, output, interactive: false });
      input.end('/summary anything\nWho captured the palace in Aleppo?\n');
      await done;
      expect(text).toMatch(/Sorry, something went wrong \(reference/);
      expect(text).toMatch(/\[1\] /);
    }
  });

  it('#41 a failing store does not stop questions (logged warning)', async () => {
    const broken: Store = {
      kind: 'sqlite',
      get: () => Promise.reject(new Error('database is locked')),
      set: () => Promise.reject(new Error('database is locked')),
      delete: () => Promise.reject(new Error('database is locked')),
      close: () => Promise.resolve(),
    };
    const b = new Bot({ engine, store: broken, log: silentLog, now, rateLimitPerMinute: 5 });
    expect((await b.handle({ name: 'ask', question: 'Who captured the palace in Aleppo?' }, slack)).kind).toBe('answer');
  });

  it('#42 nothing stored before the bad input above was lost', async () => {
    const turn = await store.get<{ articleIds: string[] }>('conversation', 'slack:KEEP');
    expect(turn?.articleIds).toEqual([SEED_ID]);
  });
});

describe('bad input: digest subscriptions (a clear message; the existing subscription stays)', () => {
  let rig: DigestRig;
  const ctx: CallContext = { surface: 'console', conversationId: 'local', userId: 'console', channelKey: 'console:local', canManageDigest: true };
  const subscribe = (args: string) => rig.bot.handle({ name: 'digest', action: 'subscribe', args }, ctx);

  beforeAll(async () => {
    rig = await makeDigestRig({ start: '2024-11-30T06:00:00Z' });
    expect((await subscribe('time:08:30 timezone:Europe/Berlin')).kind).toBe('notice');
  });
  afterAll(async () => {
    await rig.close();
  });

  it('#43 a timezone that does not exist (timezone:Mars/Base)', async () => {
    expect(await subscribe('time:08:30 timezone:Mars/Base')).toMatchObject({
      kind: 'error',
      code: 'usage',
      message: '"Mars/Base" is not a known IANA timezone: use a name such as timezone:Europe/Berlin or timezone:America/New_York.',
    });
  });

  it('#44 a time that does not exist (time:25:00)', async () => {
    expect(await subscribe('time:25:00')).toMatchObject({ kind: 'error', code: 'usage', message: expect.stringMatching(/^"25:00" is not a valid time/) });
  });

  it('#45 days that do not exist (days:someday)', async () => {
    expect(await subscribe('time:08:00 days:someday')).toMatchObject({ kind: 'error', code: 'usage', message: expect.stringMatching(/^"someday" is not a day/) });
  });

  it('#46 no time, and an unknown option', async () => {
    expect(await subscribe('timezone:UTC')).toMatchObject({ kind: 'error', code: 'usage', message: expect.stringMatching(/^Give the time of day/) });
    expect(await subscribe('time:08:00 color:red')).toMatchObject({ kind: 'error', code: 'usage', message: expect.stringMatching(/^"color:" is not an option/) });
  });

  it('#47 after every refused change, the subscription is the one set before', async () => {
    const sub = await rig.service.subscriptions.get('console:local');
    expect(sub).toMatchObject({ hour: 8, minute: 30, timezone: 'Europe/Berlin' });
  });
});

describe('bad input: configuration (the process says which variable, and exits 2)', () => {
  it('#48 DEFAULT_TIMEZONE=Mars/Base, RATE_LIMIT_PER_MINUTE=-1 and HEALTH_PORT=http are refused by name', () => {
    expect(() => loadConfig({ DEFAULT_TIMEZONE: 'Mars/Base' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEFAULT_TIMEZONE: 'Mars/Base' })).toThrow(/^DEFAULT_TIMEZONE: "Mars\/Base" is not an IANA timezone/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/^RATE_LIMIT_PER_MINUTE: /);
    expect(() => loadConfig({ HEALTH_PORT: 'http' })).toThrow(/^HEALTH_PORT: must be a port number/);
    expect(() => healthPort('http')).toThrow(/^HEALTH_PORT: must be a port number/);
    expect(healthPort(undefined)).toBeNull();
    expect(healthPort('8081')).toBe(8081);
  });
});
