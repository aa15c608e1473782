// Terminal colours for the console bot: on for a terminal, off for a pipe or a file, and as
// NO_COLOR (https://no-color.org) and FORCE_COLOR ask; FORCE_COLOR wins, as in Node itself.

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  /** Errors. */
  red(text: string): string;
  /** The prompt and the echoed question. */
  accent(text: string): string;
}

/** Whether to colour output written to `stream`. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

// Each line is wrapped on its own, so a colour never runs past a line break into the prompt
const sgr = (open: number, close: number) => (text: string) =>
  text
    .split('\n')
    .map((line) => (line ? `\x1b[${open}m${line}\x1b[${close}m` : line))
    .join('\n');

const same = (text: string) => text;

export const PLAIN_STYLE: Style = { enabled: false, bold: same, dim: same, red: same, accent: same };

export const COLOR_STYLE: Style = { enabled: true, bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), accent: sgr(36, 39) };

export const consoleStyle = (color: boolean): Style => (color ? COLOR_STYLE : PLAIN_STYLE);
