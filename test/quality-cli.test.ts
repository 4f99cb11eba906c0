import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { exportAsset } from '../src/io/index.js';
import { box, toAsset } from './helpers/quality-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'dream-cad-assess-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const main = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DREAM_CAD_DATA_DIR: join(dir, 'data') },
    timeout: 60_000,
  });
}

/** Runs the command lines two at a time (each process mostly waits on its own start-up). */
async function cliParallel(lines: string[][]) {
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
        env: { ...process.env, DREAM_CAD_DATA_DIR: join(dir, 'data') },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        done({ status, stdout, stderr });
      });
    });
  const out: Awaited<ReturnType<typeof run>>[] = [];
  for (let i = 0; i < lines.length; i += 2) out.push(...(await Promise.all(lines.slice(i, i + 2).map(run))));
  return out;
}

test('dream-cad assess prints a table; --min-score sets the exit code', async () => {
  const good = join(dir, 'cube.glb');
  writeFileSync(good, (await exportAsset(toAsset(box()), 'glb')).main);
  const holed = box();
  holed.indices.splice(0, 6);
  const bad = join(dir, 'holed.glb');
  writeFileSync(bad, (await exportAsset(toAsset(holed), 'glb')).main);

  const [table, below, json, unknown, range] = await cliParallel([
    ['assess', good, '--min-score', '99', '--thumbnail', join(dir, 'cube.png')],
    ['assess', good, bad, '--min-score', '99'],
    ['assess', bad, '--json'],
    ['assess', join(dir, 'nope.xyz')],
    ['assess', good, '--min-score', '150'],
  ]);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /overall quality\s+100/);
  assert.match(table.stdout, /watertight\s+yes/);
  assert.match(table.stdout, /validator errors \/ warnings\s+0 \/ 0/);
  assert.ok(existsSync(join(dir, 'cube.png')));

  assert.equal(below.status, 1);
  assert.match(below.stdout, /FAIL: overall score [\d.]+ < --min-score 99/);

  assert.equal(json.status, 0);
  const m = JSON.parse(json.stdout);
  assert.equal(m.facts.holes, 1);
  assert.equal(m.isWatertight, false);

  assert.equal(unknown.status, 2, 'an unreadable format is a usage error');
  assert.equal(range.status, 2);
});

test('dream-cad bench --track, ab and report --html work end to end on the built-in model', () => {
  let r = cli('bench', 'a wooden chair', '-n', '2', '-w', '0', '--track');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /a wooden chair\s+ok/);
  r = cli('ab', 'dreamcad', 'dreamcad', '-n', '2', '--prompts', 'chair', '--track');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Winner \(overallMeshQuality\): no significant difference/);
  const html = join(dir, 'report.html');
  r = cli('report', '--html', html);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /dreamcad\s+2\s+100\.0 %/);
  assert.ok(existsSync(html));
});
