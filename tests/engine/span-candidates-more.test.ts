import { describe, expect, it } from 'vitest';
import { chooseSpan, extractSpan, scoreCandidates } from '../../src/engine/extract-span.ts';
import { definedSubject, focusOf, slotOf } from '../../src/engine/question-analysis.ts';
import { placeTest } from '../../src/engine/span-candidates.ts';

const texts = (question: string, sentence: string) => scoreCandidates(question, sentence).scored.map((c) => c.text);

describe('span candidates (clauses, ranges, parentheses, names)', () => {
  it('offers a number range as one answer, with its unit', () => {
    expect(texts('What share of output does construction make up?', 'Construction makes up six to nine percent of output.')).toContain('six to nine percent');
  });

  it('keeps the modifier of a number ("over half")', () => {
    expect(extractSpan('How much of the forest remains?', 'Over half of the forest remains standing.')).toBe('Over half');
  });

  it('offers what a parenthesis explains', () => {
    expect(texts('What does enzootic mean?', 'The disease is enzootic (commonly present) in rodents.')).toContain('commonly present');
  });

  it('offers a verb phrase for a how-question and none for a who-question', () => {
    expect(texts('How do the cells reproduce?', 'The cells move around, and occasionally pinch in two to reproduce.')).toContain('pinch in two');
    expect(scoreCandidates('Who moved the cells?', 'The cells move around, and occasionally pinch in two.').scored.some((c) => c.kind === 'clause')).toBe(false);
  });

  it('joins three phrases linked by "of" and "and"', () => {
    expect(texts('What two fields mirror complexity?', 'Complexity mirrors analysis of algorithms and computability theory.')).toContain('analysis of algorithms and computability theory');
  });

  it('takes the role of a who-question as its focus', () => {
    expect([...focusOf('Who is the Syrian president?')]).toEqual(['presid']);
    expect(focusOf('Who captured the palace?').size).toBe(0);
  });

  it('ends the focus with the wh-phrase\'s nouns, not the verb and object after them', () => {
    expect([...focusOf('Which company bought Pixar in 2006?')]).toEqual(['compani']);
    expect([...focusOf('which company bought pixar')]).toEqual(['compani']);
    expect([...focusOf('What cable sports channel did ABC purchase?')]).toEqual(['cabl', 'sport', 'channel']);
  });

  it('tells a definitional question from one asking a name for a role', () => {
    expect([...(definedSubject('Who is Bashar Assad?') ?? [])]).toEqual(['bashar', 'assad']);
    expect(definedSubject('who is bashar assad')).not.toBeNull();
    expect(definedSubject('What was the Seven Years War?')).not.toBeNull();
    expect(definedSubject('Who is the Syrian president?')).toBeNull();
    expect(definedSubject('who is man city chief exec')).toBeNull();
    expect(definedSubject('What is the capital of Kenya?')).toBeNull();
    expect(definedSubject('What was the Norman religion?')).toBeNull();
  });

  it('answers "Who is X?" with what the sentence calls X, not X again or another person', () => {
    const sentence = 'Syrian President Bashar Assad fled to Moscow after rebels took Damascus.';
    expect(chooseSpan('Who is Bashar Assad?', sentence)?.text).toBe('Syrian President');
    expect(chooseSpan('Who is Hoesung Lee?', 'The chair is Korean economist Hoesung Lee, who was elected in 2015.')?.text).toBe('Korean economist');
    const other = chooseSpan('who is tony blair', 'Tony Blair promised Gordon Brown he would stand down before the next election.');
    expect(other?.text).not.toBe('Gordon Brown');
  });

  it('answers "What is X?" with the apposition beside X', () => {
    expect(texts('What is HTS?', 'The offensive was led by Hayat Tahrir al-Sham (HTS), an Islamist group linked to al-Qaeda.')).toContain('Islamist group linked to al-Qaeda');
  });

  it('finds an irregular verb after the wh-phrase by the tagger, for the span only', () => {
    expect(slotOf('Which company bought Pixar in 2006?', true)?.side).toBe('left');
    expect(slotOf('Which company bought Pixar in 2006?')).toBeNull();
    expect(slotOf('What did the army throw into the city?', true)?.side).toBe('right');
  });

  it('takes the noun after "kind of" as the focus', () => {
    expect([...focusOf('What kind of forest is the Amazon?')]).toEqual(['forest']);
    expect([...focusOf('What types of waves do seismologists use?')]).toEqual(['wave']);
  });

  it('answers a who-question with the name, not the thing the name owns', () => {
    const choice = chooseSpan('Who is the Syrian president?', 'President Bashar Assad’s Palace in Aleppo was invaded by Syrian rebels on Sunday evening.');
    expect(choice?.text).toBe('Bashar Assad');
    expect(choice?.possessive).toBe(false);
  });

  it('does not read a passive "was" as "X is the Y"', () => {
    const owners = scoreCandidates('Who is the Syrian president?', 'The Palace in Aleppo was invaded by Syrian rebels.').scored.filter((c) => c.kind === 'pattern');
    expect(owners).toEqual([]);
  });
});

describe('numbers inside names', () => {
  it('a number glued to capitals ("3GSM") is part of a name, not an answer to how many / how fast', () => {
    expect(extractSpan('How fast is the mobile data system?', 'At 3GSM, Siemens showed off a system that transmits faster mobile data.')).not.toBe('3');
    expect(extractSpan('How many people watched the show?', 'The 4G launch show was watched by 12,000 people.')).toBe('12,000');
  });
});

describe('titles are not people', () => {
  it('"The Office" is no name for a who-question: it is never vouched for as the answer', async () => {
    const { Engine } = await import('../../src/engine/engine.ts');
    const article = (id: string, title: string, text: string) => ({ id, title, text, date: null, url: null, source: null, origin: id });
    const engine = new Engine([
      article('radio.txt', 'Radio comedy returns', 'Freeman, who starred in hit BBC comedy The Office, will play the role of Arthur Dent. The series returns to radio next year.'),
      article('council.txt', 'Council news', 'The council opened a new leisure centre in Harrow in 2019.'),
    ]);
    const { answer } = engine.ask('Who plays Arthur Dent?');
    expect(answer.quote).toContain('Arthur Dent');
    expect(answer.short && answer.answer === 'Office').toBe(false);
  });
});

describe('who acted on the one asked about', () => {
  it('is not the list naming that one, nor its other member ("who represents abbasi")', () => {
    const sentence = 'But Louise Christian, the lawyer representing Mr Abbasi and Mr Mubanga, said the families would be reunited.';
    expect(texts('who represents abbasi', sentence)).not.toContain('Mr Abbasi and Mr Mubanga');
    expect(extractSpan('who represents abbasi', sentence)).toBe('Louise Christian');
  });

  it('still lets the other member answer when the list did the deed ("Prince Charles and Camilla … married")', () => {
    expect(extractSpan('who is prince charles marrying', 'Prince Charles and Camilla Parker Bowles are awaiting the reaction after announcing they are to be married.')).toBe('Camilla Parker Bowles');
  });

  it('keeps a list asked for one more of ("along with Muslims and Jews, what group …")', () => {
    expect(extractSpan('Along with Muslims and Jews, what religious group runs schools?', 'Schools are run by Muslims, Jews and Orthodox Christians.')).toBe('Orthodox Christians');
  });
});

describe('a place after a preposition and an article', () => {
  it('is read as placed ("in a London hotel")', () => {
    const london = scoreCandidates('where did they meet', 'Cole met the manager in a London hotel last week.').scored.find((c) => c.text === 'London');
    expect(london?.evidence.placePrep).toBe(1);
  });
});

describe('"is" before a continuing deed', () => {
  const sentence = 'The league is attempting to find a convenient date to investigate allegations Kestrel made an illegal approach.';
  it('is no "X is Y" copula when the deed is not the one asked ("is attempting to …")', () => {
    expect(texts('what is the league investigating kestrel for', sentence).some((t) => t.startsWith('convenient date to investigate'))).toBe(false);
  });

  it('still gives what the deed asked is done to ("were negotiating a withdrawal")', () => {
    expect(texts('what were hts and the sdf negotiating', 'Some reports indicated that HTS and the SDF were negotiating a withdrawal of SDF troops.')).toContain('withdrawal of SDF troops');
  });
});

describe('a place after "from", for a who-question asking someone', () => {
  it('is a place when it reads plainly as one ("came from Spain to Kestria"), not a firm ("an email from Microsoft")', () => {
    const test = placeTest('which coach dropped ivo brandt from the squad', 'who')!;
    const s = 'Brandt said: "I came specially from Spain to rejoin the national team."';
    expect(test({ text: 'Spain', start: s.indexOf('Spain'), kind: 'who' }, s)).toBe(true);
    const firm = 'Brandt got an email from Microsoft about the squad.';
    expect(test({ text: 'Microsoft', start: firm.indexOf('Microsoft'), kind: 'who' }, firm)).toBe(false);
  });
});
