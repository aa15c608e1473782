// Text shown on a terminal or in chat must not steer it: control characters (ESC sequences set
// the terminal title, move the cursor, clear the screen) and text-direction overrides (U+202E
// shows "txt.exe" as "exe.txt") are shown escaped. Ids keep every character as identifiers;
// only what is printed goes through here.

/** C0 controls except tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Text for display: every character that could steer a terminal or reorder text shown as `\xNN` / `\uNNNN`. */
export function displayText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** One JSON line safe to print: the same value (JSON.parse gives back every character), with C1 and bidi characters as `\u` escapes. */
export function displayJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
