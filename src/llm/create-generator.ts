import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { ChatClient } from './chat-client.ts';
import { GenerativeAnswerer } from './generate-answer.ts';

/** The generative answerer LLM_BASE_URL asks for, or undefined: the offline engine alone. */
export function createGenerator(config: Pick<Config, 'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY' | 'LLM_TIMEOUT_MS'>, log: Logger): GenerativeAnswerer | undefined {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return undefined;
  const client = new ChatClient({ baseUrl: config.LLM_BASE_URL, model: config.LLM_MODEL, apiKey: config.LLM_API_KEY, timeoutMs: config.LLM_TIMEOUT_MS });
  // the address and model only: the key is a secret
  log.info({ url: new URL(config.LLM_BASE_URL).origin, model: config.LLM_MODEL, timeoutMs: config.LLM_TIMEOUT_MS }, 'llm: generative answers on');
  return new GenerativeAnswerer(client, log);
}
