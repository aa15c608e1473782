import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType } from 'discord.js';
import { articleKey, choiceValue, MAX_CHOICES, resolveChoiceValue, toChoices } from '../../../adapters/discord/article-choices.ts';
import { matchTitles } from '../../../src/engine/match-titles.ts';
import type { ArticleListing } from '../../../src/engine/types.ts';

// what the adapter runs: the engine's title match (through the Bot), then Discord's choices
const articleChoices = (articles: readonly ArticleListing[], typed: string) => toChoices(matchTitles(articles, typed, MAX_CHOICES));
import { DISCORD_COMMANDS } from '../../../adapters/discord/commands.ts';
import { registerCommands } from '../../../adapters/discord/register-commands.ts';
import type { Article } from '../../../src/engine/types.ts';
import { DiscordRestStub } from '../../support/discord-rest-stub.ts';

const APP_ID = '1100000000000000009';
const byName = (name: string) => DISCORD_COMMANDS.find((c) => c.name === name)!;

describe('slash command definitions', () => {
  it('pins the commands and typed options of the interface page', () => {
    expect(DISCORD_COMMANDS.map((c) => c.name)).toEqual(['ask', 'brief', 'summary', 'sources', 'digest', 'help', 'forget']);
    const options = (name: string) => (byName(name).options ?? []).map((o) => ({ name: o.name, type: o.type, required: 'required' in o ? Boolean(o.required) : false }));
    const S = ApplicationCommandOptionType.String;
    expect(options('ask')).toEqual([{ name: 'question', type: S, required: true }]);
    expect(options('brief')).toEqual([
      { name: 'topic', type: S, required: false },
      { name: 'since', type: S, required: false },
    ]);
    expect(options('summary')).toEqual([{ name: 'article', type: S, required: true }]);
    expect(byName('summary').options![0]).toMatchObject({ autocomplete: true });
    expect(options('sources')).toEqual([{ name: 'query', type: S, required: false }]);
    const Sub = ApplicationCommandOptionType.Subcommand;
    expect(options('digest')).toEqual([
      { name: 'now', type: Sub, required: false },
      { name: 'subscribe', type: Sub, required: false },
      { name: 'unsubscribe', type: Sub, required: false },
      { name: 'status', type: Sub, required: false },
      { name: 'list', type: Sub, required: false },
    ]);
    const subscribe = byName('digest').options!.find((o) => o.name === 'subscribe') as { options?: { name: string; type: number; required?: boolean }[] };
    expect(subscribe.options!.map((o) => ({ name: o.name, type: o.type, required: Boolean(o.required) }))).toEqual([
      { name: 'time', type: S, required: true },
      { name: 'timezone', type: S, required: false },
      { name: 'days', type: S, required: false },
      { name: 'topic', type: S, required: false },
    ]);
    expect(byName('help').options).toBeUndefined();
  });

  it('stays within Discord limits for names and descriptions', () => {
    for (const c of DISCORD_COMMANDS) {
      expect(c.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      const nested = (c.options ?? []).flatMap((o) => [o, ...('options' in o && Array.isArray(o.options) ? (o.options as typeof c.options & object) : [])]);
      for (const o of nested) {
        expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('registerCommands (npm run register:discord)', () => {
  let rest: DiscordRestStub;
  beforeAll(async () => {
    rest = await DiscordRestStub.start({ user: { id: APP_ID, username: 'briefing' }, applicationId: APP_ID, gatewayUrl: 'ws://127.0.0.1:9' });
  });
  afterAll(async () => {
    await rest.close();
  });

  it('PUTs the definitions globally with the bot token', async () => {
    const result = await registerCommands({ token: 'reg-token', appId: APP_ID, apiUrl: `${rest.url}/` });
    expect(result).toEqual({ scope: 'global', names: ['ask', 'brief', 'summary', 'sources', 'digest', 'help', 'forget'] });
    const [put] = rest.of('commands');
    expect(put!.method).toBe('PUT');
    expect(put!.path).toBe(`/applications/${APP_ID}/commands`);
    expect(put!.headers.authorization).toBe('Bot reg-token');
    expect(put!.body).toEqual(JSON.parse(JSON.stringify(DISCORD_COMMANDS)));
  });

  it('PUTs to one server when DISCORD_GUILD_ID is given', async () => {
    const result = await registerCommands({ token: 'reg-token', appId: APP_ID, guildId: '1200000000000000009', apiUrl: rest.url });
    expect(result.scope).toBe('guild');
    const put = rest.of('commands').at(-1)!;
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/1200000000000000009/commands`);
    expect((put.body as { name: string }[]).map((c) => c.name)).toEqual(DISCORD_COMMANDS.map((c) => c.name));
  });
});

describe('autocomplete choices', () => {
  const article = (id: string, title: string, date: string | null = null): Article => ({ id, title, text: '', url: null, date, source: null, origin: id });

  it('matches every typed word in titles or ids, at most 25, names within 100 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => article(`a${i}.txt`, `Budget vote number ${i} ${'and a very long title '.repeat(6)}`, '2024-11-30'));
    const choices = articleChoices([...many, article('b.txt', 'Aleppo palace taken')], 'budget vote');
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.name.endsWith('(2024-11-30)')).toBe(true);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(articleChoices(many.concat(article('b.txt', 'Aleppo palace taken')), 'aleppo')).toEqual([{ name: 'Aleppo palace taken', value: 'b.txt' }]);
    expect(articleChoices(many, 'a7.txt').map((c) => c.value)).toEqual(['a7.txt']);
  });

  it('puts titles starting with the typed text first', () => {
    const list = [article('1', 'News about the palace'), article('2', 'Palace taken')];
    expect(articleChoices(list, 'palace').map((c) => c.value)).toEqual(['2', '1']);
  });

  it('uses a short stable key for ids over 100 characters, and maps it back', async () => {
    const longId = `feeds/${'x'.repeat(120)}.xml#3`;
    const articles = [article('short.txt', 'Short'), article(longId, 'Long id article')];
    const value = choiceValue(longId);
    expect(value).toBe(articleKey(longId));
    expect(value).toMatch(/^key:[0-9a-f]{16}$/);
    expect(choiceValue(longId)).toBe(value);
    expect(articleChoices(articles, 'long')).toEqual([{ name: 'Long id article', value }]);
    const idForKey = (key: string) => articles.find((a) => articleKey(a.id) === key)?.id;
    expect(await resolveChoiceValue(value, idForKey)).toBe(longId);
    expect(await resolveChoiceValue('short.txt', idForKey)).toBe('short.txt');
    expect(await resolveChoiceValue('palace words', idForKey)).toBe('palace words');
    expect(await resolveChoiceValue(articleKey('gone.txt'), idForKey)).toBe(articleKey('gone.txt'));
  });
});
