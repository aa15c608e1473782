/**
 * Slack's text format in both directions: escaping everything we post so that nothing in an
 * article or a user's text can become a mention, a channel link or a link of its own, and
 * decoding what Slack delivers (`<@U…>`, `<url|label>`, `&amp;`…) into plain text.
 */

/** Longest URL we turn into a link; a longer one is left out (the title stays). */
const MAX_URL_CHARS = 1500;
const MAX_LINK_CHARS = 1800;

/**
 * Look-alikes for mrkdwn's formatting characters: Slack has no escape character, so a marker
 * that could open or close formatting is shown as a character that looks the same and cannot.
 */
const SLACK_LOOKALIKES: Record<string, string> = { '*': '\u2217', _: '\u02CD', '~': '\u223C', '`': '\u02CB' };

/**
 * Neutralizes mrkdwn formatting in text: `*`, `_` and `~` become look-alikes unless both
 * neighbours are letters or digits (Slack never formats inside a word, so `snake_case` and
 * `America/New_York` stay as typed); a backtick always; a `>` that starts a line gets an
 * invisible soft hyphen before it so that it cannot start a quote; `:name:` gets a word joiner
 * after its first colon so that it stays text, not an emoji.
 */
export function neutralizeSlackFormatting(text: string): string {
  return (
    text
      // a marker not preceded, or not followed, by a letter or digit; every backtick
      .replace(/(?<![\p{L}\p{N}])[*_~]|[*_~](?![\p{L}\p{N}])|`/gu, (c) => SLACK_LOOKALIKES[c]!)
      .replace(/^([ \t]*)(>|&gt;)/gm, '$1\u00AD$2')
      // ":fire:" would show an emoji: a word joiner after the colon keeps the text
      .replace(/:(?=[a-z0-9_+'-]*[a-z][a-z0-9_+'-]*:)/gi, ':\u2060')
  );
}

/**
 * Escapes `&`, `<` and `>` (Slack's three control characters), neutralizes formatting
 * characters (see neutralizeSlackFormatting) and breaks `@here`, `@channel` and `@everyone`
 * with an invisible word joiner, so plain text can never format itself or notify anyone,
 * even where a client would parse those words.
 */
export function escapeSlack(text: string): string {
  return neutralizeSlackFormatting(
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/@(?=(?:here|channel|everyone)(?![a-z0-9]))/gi, '@\u2060'),
  );
}

/** Escapes text shown inside a `code span`: there nothing formats, but a backtick would close the span. */
export function escapeSlackCode(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=(?:here|channel|everyone)(?![a-z0-9]))/gi, '@\u2060')
    .replace(/`/g, SLACK_LOOKALIKES['`']!);
}

/** An http(s) URL fit to put inside `<…|…>`, or null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const href = parsed.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  if (/[\s\u0000-\u001F\u007F]/.test(href) || href.length > MAX_URL_CHARS) return null;
  return href;
}

/** Cuts text to `max` characters at a word boundary when possible, adding an ellipsis. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/** `<url|title>` with an escaped title when the URL is safe, else the escaped title alone. */
export function slackLink(url: string | null | undefined, title: string, maxTitle = 200): string {
  const label = escapeSlack(truncate(title, maxTitle));
  const href = safeUrl(url);
  if (!href) return label;
  // an untitled link shows its address, escaped like any text (it may hold "@everyone")
  const link = `<${href.replace(/&/g, '&amp;')}|${label || escapeSlack(href)}>`;
  // a link stays well inside one context element or section line, or is left out
  return link.length <= MAX_LINK_CHARS ? link : label;
}

/**
 * Turns Slack-formatted input into plain text: drops mentions of the bot itself, turns other
 * mentions into `@name`, links into their label (or address), and decodes the entities.
 */
export function decodeSlackText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = splitOnce(inner, '|');
      if (target.startsWith('@')) {
        if (botUserId && target.slice(1) === botUserId) return ' ';
        return label ? `@${label.replace(/^@/, '')}` : target;
      }
      if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : target;
      if (target.startsWith('!')) {
        if (label) return label;
        const word = target.slice(1).split('^')[0] ?? '';
        return `@${word}`;
      }
      return label ?? target.replace(/^mailto:/, '');
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}
