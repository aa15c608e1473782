import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  cleanArticle,
  cutTitle,
  findDateInText,
  normalizeDate,
  normalizeText,
  sourceFromLine,
  type RawArticle,
} from '../../../src/engine/corpus/clean-article.ts';

const SEED = readFileSync(fileURLToPath(new URL('../../../seeds/000_f17fd30403ef36f3.txt', import.meta.url)), 'utf8');

const raw = (text: string, extra: Partial<RawArticle> = {}): RawArticle => ({ id: 'x.txt', origin: 'x.txt', text, ...extra });
const clean = (text: string, extra: Partial<RawArticle> = {}) => {
  const a = cleanArticle(raw(text, extra));
  if (!a) throw new Error('article was dropped');
  return a;
};

const BODY = 'The council approved the new budget on Tuesday after a long debate.';

describe('cleanArticle: the seed', () => {
  const a = clean(SEED, { id: '000_f17fd30403ef36f3.txt', origin: '000_f17fd30403ef36f3.txt' });

  it('drops both captions and the source line', () => {
    expect(a.text).not.toMatch(/photo credit/i);
    expect(a.text).not.toContain('(credit:');
    expect(a.text).not.toContain('REUTERS');
    expect(a.text).not.toContain('Sovolyov');
    expect(a.text).not.toContain('Syrian President Bashar Assad speaks');
    expect(a.text).not.toContain('People walk past a damaged site');
    expect(a.text).not.toMatch(/As reported by/);
    // ordinary paragraphs, including the short sub-heading, stay
    expect(a.text).toContain('\n\nSerious collapse\n\n');
    expect(a.text.split('\n\n')).toHaveLength(11);
  });

  it('takes source, date and a headline-like title', () => {
    expect(a.source).toBe('The Jerusalem Post');
    expect(a.date).toBe('2024-11-30');
    expect(a.title).toBe('Early reports showed rebels walking around the seemingly abandoned but ostentatious palace');
    // the first line ends with a period, so it is not taken out of the text
    expect(a.text.startsWith('Early reports showed rebels')).toBe(true);
  });
});

describe('cleanArticle: captions and credits', () => {
  it.each([
    ['a Photo: line', 'Photo: The mayor at the opening'],
    ['an Image: line', 'Image: A map of the area'],
    ['a Credit: line', 'Credit: John Smith/Agency'],
    ['a caption with a credit line', 'The mayor cuts the ribbon.\n(photo credit: City Hall)'],
    ['a caption with an inline credit', 'Crowds gather in the square on Friday evening. (credit: REUTERS/JANE DOE)'],
    ['a Getty Images credit-only line', 'Jane Doe/Getty Images'],
    ['an AFP via Getty credit', 'JOHN SMITH/AFP via Getty Images'],
  ])('drops %s', (_label, caption) => {
    const a = clean(`${BODY}\n\n${caption}\n\nSpending on schools rises next year.`);
    expect(a.text).toBe(`${BODY}\n\nSpending on schools rises next year.`);
  });

  it('keeps prose that merely mentions credit or photos', () => {
    const text = `${BODY}\n\nThe bank gave the city credit: a loan of two million pounds at a low rate.\n\nA photo of the mayor went viral on Getty Images last week, officials said.`;
    // "credit:" mid-line and a long sentence naming Getty are not credit lines
    expect(clean(text).text).toBe(text);
  });

  it('drops only the credit lines from a long block of single-newline text', () => {
    const lines = ['Line one of the story is here.', 'Line two continues the story.', 'Photo: a credit line', 'Line three carries on.', 'Line four ends it.'];
    expect(clean(lines.join('\n')).text).toBe('Line one of the story is here.\nLine two continues the story.\nLine three carries on.\nLine four ends it.');
  });

  it('returns null when only captions are left', () => {
    expect(cleanArticle(raw('Photo: someone\n(photo credit: nobody)'))).toBeNull();
    expect(cleanArticle(raw('  \n\n \u200B '))).toBeNull();
  });
});

describe('cleanArticle: source lines', () => {
  it.each([
    ['As reported by The Jerusalem Post', 'The Jerusalem Post'],
    ['As reported by Haaretz.', 'Haaretz'],
    ['Source: BBC News', 'BBC News'],
    ['(Reuters)', 'Reuters'],
    ['— Associated Press', 'Associated Press'],
    ['-- AP', 'Associated Press'],
    ['Reporting by Jane Doe in London; Editing by John Smith', 'Reuters'],
    ['This article was originally published by The Conversation', 'The Conversation'],
  ])('reads "%s" as %s and removes it', (line, source) => {
    const a = clean(`${BODY}\n\nSecond paragraph of the story.\n\n${line}`);
    expect(a.source).toBe(source);
    expect(a.text).toBe(`${BODY}\n\nSecond paragraph of the story.`);
  });

  it('reads a source line at the end of a single paragraph', () => {
    const a = clean(`${BODY}\n(Reuters)`);
    expect(a.source).toBe('Reuters');
    expect(a.text).toBe(BODY);
    // a text that is nothing but a source-like line keeps it
    expect(clean('Source: nowhere').text).toBe('Source: nowhere');
  });

  it('lets metadata source win but still removes the line', () => {
    const a = clean(`${BODY}\n\nAs reported by The Jerusalem Post`, { source: 'Wire Service' });
    expect(a.source).toBe('Wire Service');
    expect(a.text).toBe(BODY);
  });

  it('does not read ordinary closing sentences as sources', () => {
    expect(sourceFromLine('Sources say the deal is off.')).toBeNull();
    expect(sourceFromLine('The vote is expected next week.')).toBeNull();
    expect(sourceFromLine('- apples')).toBeNull();
    const a = clean(`${BODY}\n\nThe vote is expected next week.`);
    expect(a.source).toBeNull();
    expect(a.text).toContain('The vote is expected next week.');
  });
});

describe('dates', () => {
  it.each([
    ['2024-11-30', '2024-11-30'],
    ['2024/11/30', '2024-11-30'],
    ['2024-11-30T18:00:00Z', '2024-11-30T18:00:00Z'],
    ['2024-11-30T18:00:00.000Z', '2024-11-30T18:00:00Z'],
    ['2024-11-30T20:00:00+02:00', '2024-11-30T18:00:00Z'],
    ['2024-11-30 18:00', '2024-11-30T18:00:00Z'],
    ['Sat, 30 Nov 2024 18:00:00 GMT', '2024-11-30T18:00:00Z'],
    ['Sat, 30 Nov 2024 19:00:00 +0100', '2024-11-30T18:00:00Z'],
    ['November 30, 2024', '2024-11-30'],
    ['30 November 2024', '2024-11-30'],
    [1732989600, '2024-11-30T18:00:00Z'],
    [1732989600000, '2024-11-30T18:00:00Z'],
    [new Date(Date.UTC(2024, 10, 30, 18)), '2024-11-30T18:00:00Z'],
  ])('normalises metadata date %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it.each([['November 2024'], [''], ['soon'], ['2024-02-30'], ['2024-13-01'], [null], [undefined], [{}]])('rejects %s', (input) => {
    expect(normalizeDate(input)).toBeNull();
  });

  it('finds the first full date in text and ignores partial ones', () => {
    expect(findDateInText('In March 2024 and 2012-16, then on November 30, 2024 and 1 Dec 2024.')).toBe('2024-11-30');
    expect(findDateInText('Filed 3rd of January, 2021 by staff')).toBe('2021-01-03');
    expect(findDateInText('Updated 2023-05-06T10:00')).toBe('2023-05-06');
    expect(findDateInText('Sept. 9, 2022')).toBe('2022-09-09');
    expect(findDateInText('We may 5, 2024 meet.')).toBeNull();
    expect(findDateInText('In March 2024 nothing happened on February 30, 2024.')).toBeNull();
  });

  it('prefers the metadata date, then a dateline at the top, then the first full date in the text that is no deadline', () => {
    expect(clean(`${BODY} It was 1 May 2020.`, { date: '2024-11-30' }).date).toBe('2024-11-30');
    expect(clean(`LONDON, 1 May 2020 — ${BODY}`, { date: 'not a date' }).date).toBe('2020-05-01');
    // interface.md: "else the first full date in the text", in the lead or deep in the body
    expect(clean(`${BODY} It was 1 May 2020.`, { date: 'not a date' }).date).toBe('2020-05-01');
    expect(clean(`${`${BODY} `.repeat(6)}It was 1 May 2020.`, { date: 'not a date' }).date).toBe('2020-05-01');
    expect(clean(`${`${BODY} `.repeat(6)}The deadline is 1 May 2020.`, { date: 'not a date' }).date).toBeNull();
    expect(clean(BODY).date).toBeNull();
  });
});

describe('titles', () => {
  it('takes a headline-like first line and removes it from the text', () => {
    const a = clean(`Council passes budget\n\n${BODY}`);
    expect(a.title).toBe('Council passes budget');
    expect(a.text).toBe(BODY);
  });

  it.each([
    ['ends with a period', 'The council met today.'],
    ['ends with a colon', 'Here is what happened:'],
    ['ends with a comma', 'After the vote,'],
    ['is longer than 20 words', Array.from({ length: 21 }, (_, i) => `word${i}`).join(' ')],
  ])('does not take a first line that %s', (_label, first) => {
    const a = clean(`${first}\n\n${BODY}`);
    expect(a.title).not.toBe(first);
    expect(a.text.startsWith(first)).toBe(true);
  });

  it('does not take a first line that is followed by more lines of its paragraph', () => {
    const a = clean(`Council passes budget\nafter a debate\n\n${BODY}`);
    expect(a.title).not.toBe('Council passes budget');
    expect(a.text).toContain('Council passes budget');
  });

  it('chooses the first sentence with at least five words, without its period', () => {
    const a = clean('Breaking. Short one.\nThe council approved the new budget on Tuesday. More text follows here.');
    expect(a.title).toBe('The council approved the new budget on Tuesday');
  });

  it('cuts a long sentence at a word boundary to 120 characters with an ellipsis', () => {
    const long = `${'The council approved a remarkably long and detailed budget '.repeat(4)}today.`;
    const a = clean(long);
    expect(a.title.length).toBeLessThanOrEqual(120);
    expect(a.title.endsWith('…')).toBe(true);
    expect(long.startsWith(a.title.slice(0, -1))).toBe(true);
    expect(a.title.slice(0, -1)).not.toMatch(/\s$/);
    expect(cutTitle('short title')).toBe('short title');
  });

  it('keeps a metadata title and drops a first line repeating it', () => {
    const a = clean(`Council Passes Budget\n\n${BODY}`, { title: 'Council passes budget' });
    expect(a.title).toBe('Council passes budget');
    expect(a.text).toBe(BODY);
  });
});

describe('normalizeText', () => {
  it('normalises line ends, spaces, blank lines and invisible characters', () => {
    expect(normalizeText('a\r\nb  \r\n\r\n\r\n\r\nc\u200D\u0000\td\u0085\n\n\n')).toBe('a\nb\n\nc\td');
  });

  it('keeps url and origin', () => {
    const a = clean(BODY, { url: ' https://example.com/a ', origin: 'sub/x.txt' });
    expect(a.url).toBe('https://example.com/a');
    expect(a.origin).toBe('sub/x.txt');
    expect(clean(BODY).url).toBeNull();
  });
});
