// Short stable keys for long article ids (Discord's 100-character values); adapters reach them through the Bot.
export { articleKey, isArticleKey, KEYLESS_MAX, needsKey } from '../engine/article-key.ts';
