import { describe, expect, it } from 'vitest';
import { plainArticle as art } from '../support/plain-article.ts';
import { Engine } from '../../src/engine/engine.ts';
import { abbreviationAsked, definitionOf, expansionTest, titleTest } from '../../src/engine/question-shapes.ts';

describe('"what is X" prefers a sentence that defines X', () => {
  const engine = new Engine([
    art('s1', 'Search sites get closer to users', 'In the latest release of Larkfind, the company has added what it calls smart folders. Larkfind is desktop search software that watches what someone is working on. Larkfind, a small firm, has offices in Leeds.'),
    art('s2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
  ]);

  it('quotes "X is …" over a sentence that only mentions X', () => {
    expect(engine.ask('what is larkfind').answer.quote).toBe('Larkfind is desktop search software that watches what someone is working on.');
  });

  it('takes no clause subject after a comma for an apposition', () => {
    expect(engine.ask('what is larkfind').answer.quote).not.toContain('the company has added');
  });
});

describe('"what does X stand for"', () => {
  it('reads the abbreviation asked in its chat phrasings', () => {
    expect(abbreviationAsked('what does hts stand for')).toBe('hts');
    expect(abbreviationAsked('whats the full name of the WTO?')).toBe('WTO');
    expect(abbreviationAsked('what is SDF short for')).toBe('SDF');
    expect(abbreviationAsked('what does the minister stand for in the election')).toBe(null);
  });

  it('finds the name bracketed beside the abbreviation', () => {
    const expands = expansionTest('what does hts stand for')!;
    expect(expands('The take came after Islamist Hayat Tahrir al-Sham (HTS) rebels swept into the city.')).toBe('Hayat Tahrir al-Sham');
    expect(expands('HTS (Hayat Tahrir al-Sham) said so.')).toBe('Hayat Tahrir al-Sham');
    expect(expands('HTS rebels swept into the city.')).toBe(null);
    expect(expansionTest('what does ukip stand for')!('a candidate for the UK Independence Party (UKIP) said')).toBe('UK Independence Party');
    expect(expansionTest('what does ac stand for')!('power is sent as alternating current (AC) over the lines')).toBe('alternating current');
  });

  it('answers with the name, and says the corpus does not say when no article spells it out', () => {
    const engine = new Engine([
      art('a1', 'Rebels take Marlow', 'Islamist Harbin Tor al-Sami (HTS) rebels swept into the city of Marlow on Saturday.'),
      art('a2', 'Talks stall', 'Talks between HTS and the KDF stalled on Monday, and the KDF denied any deal.'),
    ]);
    const a = engine.ask('what does hts stand for').answer;
    expect(a.short).toBe(true);
    expect(a.answer).toBe('Harbin Tor al-Sami');
    expect(engine.ask('what does kdf stand for').answer.answer).toBe(null);
  });
});

describe('"who is X" answered by the title before the name', () => {
  const s = 'Sir Tom Wren has offered Kestrel boss Ann Lister some advice.';
  it('reads a title ending in a title word right before the whole name asked, with its capitalised words', () => {
    const title = titleTest('who is ann lister')!;
    expect(title(s)).toBe('Kestrel boss');
    expect(title('Also due are Marlow Secretary of State Tom Wren, UN Secretary General Ann Lister and others.')).toBe('UN Secretary General');
    expect(title('The Ann Lister show returns.')).toBeNull();
    expect(titleTest('who is lister')!(s)).toBeNull();
    expect(titleTest('who runs kestrel')).toBeNull();
    // (a long title whole, over its lower-case words: "former", the office's "press")
    expect(title('But former Marlow Palace press spokesman Ann Lister said the prince should apologise.')).toBe('former Marlow Palace press spokesman');
  });

  it('prefers a sentence giving the title over one that only names the person', () => {
    const engine = new Engine([
      art('h1', 'Lister show on Saturday', 'Ann Lister: No More Mr Nice is being shown on Marlow TV on Saturday.'),
      art('h2', 'Lister plans savings', 'Kestrel leader Ann Lister says her party can save £35bn by tackling waste.'),
      art('h3', 'Harbour reopens', 'The harbour at Wrenfield reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who is ann lister').answer;
    expect(a.answer).toBe('Kestrel leader');
    expect(a.short).toBe(true);
  });

  it('gives that title in bold', () => {
    const engine = new Engine([
      art('t1', 'Davos meeting opens', 'Kestrel founder Ann Lister, the richest woman in Marlow and a regular at Davos, will focus on campaigning for good causes.'),
      art('t2', 'Harbour reopens', 'The harbour at Wrenfield reopened on Friday after repairs.'),
      art('t3', 'Marlow wins vote', 'Marlow won the vote in Ashby on Sunday.'),
    ]);
    const a = engine.ask('who is ann lister').answer;
    expect(a.answer).toBe('Kestrel founder');
    expect(a.short).toBe(true);
  });
});

describe('"what is X" about a name', () => {
  it('reads the definition a sentence gives it: opening, in apposition, or as a descriptor before the name', () => {
    const define = definitionOf('what is Kestrel')!;
    expect(define('Kestrel is the most popular online music store with millions of songs sold.')).toBe('most popular online music store');
    expect(define('Marlow is merging with Kestrel, the biggest gas company in Ashby, a move few expected.')).toBe('biggest gas company in Ashby');
    expect(define('Wireless provider Wren and net telephony firm Kestrel are rolling out a service.')).toBe('net telephony firm');
    expect(define('The move comes after telecom regulator Kestrel said it would act.')).toBe('telecom regulator');
    expect(define("Kestrel rejected Wren's offer in December.")).toBeNull();
  });

  it('reads an abbreviation as the name it stands for', () => {
    const define = definitionOf('what is the KFA')!;
    expect(define("The head of Marlow's bank has criticised Ashby's financial watchdog, the Kestrel Finance Authority (KFA).")).toBe('Kestrel Finance Authority');
    expect(define('The KFA said companies are hoping rates will be kept on hold.')).toBeNull();
  });

  it('reads "what\'s X" as chat types "what is X"', () => {
    const define = definitionOf("what's the KFA")!;
    expect(define("Ashby's financial watchdog, the Kestrel Finance Authority (KFA), said so.")).toBe('Kestrel Finance Authority');
    expect(definitionOf('whats KFA')).toBeNull();
  });

  it('asks only of a name', () => {
    expect(definitionOf('What are Ctenophora commonly known as')).toBeNull();
    expect(definitionOf('what is the population of Marlow')).toBeNull();
    expect(definitionOf('who is Ann Lister')).toBeNull();
    expect(definitionOf('what is Halo 2')).not.toBeNull();
  });

  it('gives the definition in bold, and no other phrase in bold', () => {
    const engine = new Engine([
      art('d1', 'Kestrel rolls out hotspots', 'Wireless provider Wren and net telephony firm Kestrel are rolling out a service at 350 hotspots.'),
      art('d2', 'Marlow rejects offer', "The MSE rejected Wren Boerse's proposed £1.3bn offer in December, saying it undervalued the business."),
      art('d3', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('what is kestrel').answer;
    expect(a.answer).toBe('net telephony firm');
    expect(a.short).toBe(true);
    expect(engine.ask('what is the mse').answer.short).toBe(false);
  });
});

describe('a title with lower-case words before its last', () => {
  it('is read whole ("Kestrel Group\'s managing director Ann Lister")', () => {
    const title = titleTest('who is ann lister')!;
    expect(title("Kestrel Group's managing director Ann Lister told the Reuters news agency that talks went on.")).toBe("Kestrel Group's managing director");
    expect(title('The board has appointed director Ann Lister.')).toBe('director');
  });
});

describe('"who is X" answered by a role in apposition after the name', () => {
  it('reads "X, chief technology officer at Y" and a role word before the name ("EFF lawyer X")', () => {
    expect(titleTest('who is ann lister')!('"It is a warning," said Ann Lister, chief technology officer at NetSurity.')).toBe('chief technology officer at NetSurity');
    expect(titleTest('who is ann lister')!('Ann Lister, a senior analyst for Forrester, said so.')).toBe('senior analyst for Forrester');
    expect(titleTest('who is ann lister')!('"Be concerned," said Kestrel lawyer Ann Lister.')).toBe('Kestrel lawyer');
  });

  it('not another person\'s title in a list ("X, UN Secretary General Kofi Annan"), nor a common noun asked', () => {
    expect(titleTest('who is ann lister')!('Also due are Marlow Secretary of State Ann Lister, UN Secretary General Tom Wren, and others.')).toBeNull();
    expect(titleTest('who is the chancellor')!('The best person should be appointed lord chancellor, and not necessarily a lawyer or MP, he said.')).toBeNull();
  });
});
