import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

const failure = (env: Record<string, string>): ConfigError | null => {
  try {
    loadConfig(env);
    return null;
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
};

describe('URL variables', () => {
  it('accepts well-formed URLs of the right scheme', () => {
    expect(
      failure({
        FEEDS: 'https://example.com/rss.xml, http://127.0.0.1:8080/atom,',
        SLACK_API_URL: 'http://127.0.0.1:9000/api/',
        DISCORD_API_URL: 'https://proxy.example/api',
        LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
        LLM_MODEL: 'llama3.2',
        REDIS_URL: 'redis://:secret@127.0.0.1:6379/0',
      }),
    ).toBeNull();
    expect(failure({ REDIS_URL: 'rediss://cache.example:6380' })).toBeNull();
  });

  it.each([
    ['FEEDS', 'not-a-url', /"not-a-url" is not an http\(s\) URL/],
    ['FEEDS', 'https://ok.example/rss,ftp://files.example/feed', /"ftp:\/\/files.example\/feed"/],
    ['SLACK_API_URL', 'slack.example/api/', /an http\(s\) URL/],
    ['DISCORD_API_URL', 'http://', /not "http:\/\/"/],
    ['LLM_BASE_URL', 'localhost:11434', /an http\(s\) URL/],
    ['REDIS_URL', 'http://127.0.0.1:6379', /a redis:\/\/ or rediss:\/\/ URL such as redis:\/\/127.0.0.1:6379/],
    ['REDIS_URL', '127.0.0.1:6379', /rediss:\/\/ URL/],
  ])('%s=%s is refused with an error naming the variable', (variable, value, message) => {
    const err = failure({ [variable]: value, LLM_MODEL: 'm' });
    expect(err?.variable).toBe(variable);
    expect(err?.message.startsWith(`${variable}: `)).toBe(true);
    expect(err?.message).toMatch(message);
  });
});
