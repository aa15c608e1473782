import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import { createLogger, secretValues } from '../../src/logger.ts';
import { createGenerator } from '../../src/llm/create-generator.ts';
import { silentLog } from '../support/test-log.ts';

const configError = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('LLM configuration', () => {
  it('is off by default: no generator, the offline engine alone', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ LLM_TIMEOUT_MS: 20000, LLM_DIGEST: false });
    expect([config.LLM_BASE_URL, config.LLM_MODEL, config.LLM_API_KEY]).toEqual([undefined, undefined, undefined]);
    expect(createGenerator(config, silentLog)).toBeUndefined();
  });

  it('reads the variables and builds a generator for the model', () => {
    const config = loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'llama3.2', LLM_API_KEY: 'sk-x', LLM_TIMEOUT_MS: '1500', LLM_DIGEST: '1' });
    expect(config).toMatchObject({ LLM_TIMEOUT_MS: 1500, LLM_DIGEST: true, LLM_API_KEY: 'sk-x' });
    expect(createGenerator(config, silentLog)?.model).toBe('llama3.2');
  });

  it('names the variable to fix', () => {
    expect(configError({ LLM_BASE_URL: 'http://127.0.0.1:11434' }).variable).toBe('LLM_MODEL');
    expect(configError({ LLM_BASE_URL: 'localhost:11434', LLM_MODEL: 'm' }).variable).toBe('LLM_BASE_URL');
    expect(configError({ LLM_DIGEST: '1' }).variable).toBe('LLM_BASE_URL');
    expect(configError({ LLM_DIGEST: 'yes' }).variable).toBe('LLM_DIGEST');
    expect(configError({ LLM_TIMEOUT_MS: '0' }).variable).toBe('LLM_TIMEOUT_MS');
  });

  it('treats LLM_API_KEY as a secret: scrubbed from any log line, and redacted by key', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const key = 'sk-proj-LOGSCAN-llm-key-0123456789';
    const log = createLogger('info', stream, secretValues({ LLM_API_KEY: key }));
    log.warn(`request failed with ${key}`);
    log.info({ apiKey: key, client: { apiKey: key } }, 'client');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain(key);
  });
});
