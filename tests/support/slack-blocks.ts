/** Small readers over recorded Block Kit payloads, for assertions. */

export interface LooseBlock {
  type: string;
  text?: { type: string; text: string; verbatim?: boolean };
  elements?: { type: string; text?: unknown; action_id?: string; value?: string }[];
}

export function blocksOf(body: Record<string, unknown>): LooseBlock[] {
  const blocks = body.blocks;
  if (!Array.isArray(blocks)) throw new Error(`payload has no blocks: ${JSON.stringify(body).slice(0, 300)}`);
  return blocks as LooseBlock[];
}

export const sections = (body: Record<string, unknown>): string[] =>
  blocksOf(body)
    .filter((b) => b.type === 'section')
    .map((b) => b.text?.text ?? '');

export const contexts = (body: Record<string, unknown>): string[] =>
  blocksOf(body)
    .filter((b) => b.type === 'context')
    .map((b) => (b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : '')).join(' | '));

export const buttons = (body: Record<string, unknown>): { action_id: string; value: string }[] =>
  blocksOf(body)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ action_id: e.action_id ?? '', value: e.value ?? '' }));

export const button = (body: Record<string, unknown>, actionId: string): { action_id: string; value: string } => {
  const found = buttons(body).find((b) => b.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} button in ${JSON.stringify(buttons(body))}`);
  return found;
};

/** Section text, context text and the fallback text of a message, concatenated. */
export const allText = (body: Record<string, unknown>): string =>
  [String(body.text ?? ''), ...sections(body), ...contexts(body)].join('\n');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
