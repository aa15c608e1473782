// A name the question asks about may stand in the text only as a part of another name ("France" in
// "Agence France Presse"): then the text tells of that other thing, not of the one asked.
import { stem } from './text.ts';

const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&.-]*/gu;
/** Capitalised words that open a sentence or a clause without belonging to the name after them. */
const OPENERS = /^(?:The|A|An|In|On|At|Of|For|But|And|Or|As|By|From|To|With|After|Before|When|While|If|It|He|She|They|We|I|This|That|These|Those|His|Her|Their|Its|Our|Both|Last|Next|Then|So|Yet|Now|Meanwhile|However|Also)$/;

/** Runs of adjacent capitalised words in a text, possessives closing a run ("London's | Leicester Square"). */
export function capitalRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let end = -1;
  const close = () => {
    while (run.length > 1 && OPENERS.test(run[0]!)) run.shift();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].replace(/[.’'-]+$/, '');
    // ("Privately-held", "Paris-based": a hyphened word ending in a lower-case part describes the name after it)
    const capital = /^\p{Lu}/u.test(word) && !/-\p{Ll}+$/u.test(word);
    if (!capital || (run.length && !/^ +$/.test(text.slice(end, m.index)))) close();
    end = m.index + m[0].length;
    if (!capital) continue;
    const possessive = /['’]s$/.test(word);
    run.push(possessive ? word.slice(0, -2) : word);
    // a possessive or a full stop ends the name ("Luther. He", "London's Leicester Square")
    if (possessive || /\.$/.test(m[0])) close();
  }
  close();
  return runs;
}

/**
 * Whether one of the question's capitalised names occurs in the text, but only inside longer names
 * of which it is not the head and whose other words the question does not use ("capital of France"
 * over "Agence France Presse"). "Bush" in "George W Bush" and "Microsoft" in "Microsoft Windows"
 * asked with "Windows" stand for themselves.
 */
export function nameOnlyInOtherNames(questionNames: readonly string[], question: string, text: string): boolean {
  if (questionNames.length === 0) return false;
  const asked = new Set([...question.matchAll(TOKEN)].map((m) => stem(m[0].replace(/[.’'-]+$/, '').toLowerCase())));
  const inside = (r: readonly string[], n: string) => r.indexOf(n) > 0 && r.indexOf(n) < r.length - 1;
  const runs = capitalRuns(text).map((r) => r.map((w) => stem(w.toLowerCase())));
  return questionNames.some((name) => {
    const n = stem(name.toLowerCase());
    const holding = runs.filter((r) => r.includes(n));
    if (holding.length === 0) return false;
    return holding.every((r) => inside(r, n) && !r.some((w) => w !== n && asked.has(w)));
  });
}
