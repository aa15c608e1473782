import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/ingest/progress.ts';

function sink(isTTY: boolean) {
  let out = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    }),
    { isTTY, columns: 100 },
  );
  return { stream, text: () => out };
}

describe('ingest progress', () => {
  it('writes plain lines (every 10 %) when stderr is not a terminal', () => {
    const s = sink(false);
    let clock = 0;
    const p = createProgress('indexing', 1000, { stream: s.stream, now: () => clock });
    for (let done = 50; done <= 1000; done += 50) {
      clock += 100;
      p.update(done);
    }
    p.finish();
    const lines = s.text().trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('indexing: 100/1,000 (10%), 0.2 s');
    expect(lines[9]).toMatch(/^indexing: 1,000\/1,000 \(100%\)/);
    expect(s.text()).not.toContain('\r');
  });

  it('redraws one bar in place on a terminal', () => {
    const s = sink(true);
    let clock = 0;
    const p = createProgress('indexing', 200, { stream: s.stream, now: () => clock });
    clock = 500;
    p.update(100);
    p.finish();
    expect(s.text()).toMatch(/^\rindexing \[#+-+\] 50% 100\/200\rindexing \[#+\] 100% 200\/200\n$/);
  });
});
