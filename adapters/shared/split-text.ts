/**
 * Splits text into chunks of at most `max` characters (UTF-16 code units, as JavaScript and
 * the chat platforms count them), preferring paragraph boundaries, then line breaks, then
 * sentence ends, then spaces; a single word longer than `max` is cut (never inside a
 * surrogate pair). Whitespace at a cut is dropped; chunks are trimmed and never empty.
 *
 * Shared by the chat adapters (Slack sections, Discord content and embeds).
 */
export function splitText(text: string, max: number): string[] {
  if (!Number.isFinite(max) || max < 1) throw new RangeError(`splitText: max must be at least 1 (got ${max})`);
  const trimmed = text.trim();
  if (!trimmed) return [];
  return splitAt(trimmed, Math.floor(max), 0);
}

interface Level {
  split: (text: string) => string[];
  joiner: string;
}

const LEVELS: Level[] = [
  // paragraphs: a blank line (possibly with spaces) between them
  { split: (t) => t.split(/\n[ \t]*\n\s*/), joiner: '\n\n' },
  // lines
  { split: (t) => t.split(/\n\s*/), joiner: '\n' },
  // sentences: after . ! ? … (and closing quotes or brackets) followed by white space
  { split: (t) => t.split(/(?<=[.!?…]["'”’)\]]*)\s+/), joiner: ' ' },
  // words
  { split: (t) => t.split(/\s+/), joiner: ' ' },
];

function splitAt(text: string, max: number, level: number): string[] {
  if (text.length <= max) return [text];
  const spec = LEVELS[level];
  if (!spec) return hardCut(text, max);
  const parts = spec.split(text).map((p) => p.trim()).filter(Boolean);
  if (parts.length <= 1) return splitAt(text, max, level + 1);
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    if (part.length > max) {
      if (current) out.push(current);
      current = '';
      out.push(...splitAt(part, max, level + 1));
      continue;
    }
    if (!current) current = part;
    else if (current.length + spec.joiner.length + part.length <= max) current += spec.joiner + part;
    else {
      out.push(current);
      current = part;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Cuts a word with no break in it, keeping surrogate pairs whole. */
function hardCut(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of text) {
    if (current.length + ch.length > max && current) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}
