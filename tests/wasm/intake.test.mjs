// One set of inputs (tests/intake/cases.json) through both ways in: `authlens analyze` (the Rust
// CLI) and the extension's HAR import (extension/src/intake.ts with the wasm engine's harError).
// Both must accept and refuse the same files, and say the same thing when they refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from '../../extension/test-support/load-ts.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = root + 'target/wasm-bindgen/';
const cli = root + 'target/release/authlens';
if (!existsSync(dir + 'authlens_wasm.js') || !existsSync(cli)) throw new Error('run ./build.sh first');
const glue = await import(dir + 'authlens_wasm.js');
glue.initSync({ module: readFileSync(dir + 'authlens_wasm_bg.wasm') });
const { readHarText } = await loadTs('intake.ts');
const { cases } = JSON.parse(readFileSync(root + 'tests/intake/cases.json', 'utf8'));

test('the CLI and the extension accept and refuse the same files', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'authlens-intake-'));
  try {
    assert.ok(cases.length >= 10);
    for (const c of cases) {
      const file = join(tmp, 'input.har');
      writeFileSync(file, c.text);
      const run = spawnSync(cli, ['analyze', file, '--format', 'json'], { encoding: 'utf8' });
      const intake = readHarText(c.text, (t) => glue.harError(t) ?? null);
      if (c.accept) {
        assert.equal(run.status, 0, `${c.name}: the CLI refused it: ${run.stderr}`);
        assert.ok(!('error' in intake), `${c.name}: the extension refused it: ${intake.error}`);
        if (c.note) {
          const report = JSON.parse(run.stdout);
          assert.ok((report.notes ?? []).some((n) => n.startsWith(c.note)), `${c.name}: no note at ${c.note}: ${JSON.stringify(report.notes)}`);
        }
      } else {
        assert.equal(run.status, 2, `${c.name}: the CLI accepted it (${run.stdout.slice(0, 200)})`);
        assert.ok('error' in intake, `${c.name}: the extension accepted it`);
        assert.ok(run.stderr.includes(c.says), `${c.name}: CLI says ${run.stderr}`);
        assert.ok(intake.error.includes(c.says), `${c.name}: extension says ${intake.error}`);
        // The same words: the CLI's message is the engine's, after the file name.
        assert.ok(run.stderr.includes(intake.error), `${c.name}:\n CLI: ${run.stderr}\n ext: ${intake.error}`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('an entry with one field of an unexpected shape is analysed, with a note, by the engine too', () => {
  const engine = new glue.Engine();
  const r = engine.analyzeEntry({
    request: { method: 'POST', url: 'https://api.example.test/login', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'user', value: { nested: 1 } }] } },
    response: { status: 401, headers: [], content: { mimeType: 'application/json', text: '{}' } },
  });
  assert.equal(r.status, 401);
  assert.ok(r.notes.some((n) => n.startsWith('entry.request.postData.params[0].value')), JSON.stringify(r.notes));
});
