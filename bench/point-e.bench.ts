/**
 * Point-E: our ONNX Runtime pipeline against the reference PyTorch code (github.com/openai/point-e),
 * on CPU, with the same weights, step counts, grid and thread count, in one run: the median time of one
 * call of each network, the end-to-end time (prompt → point cloud → SDF grid → marching cubes, model
 * loading excluded) and the peak RSS of each side. Each phase (per-call, end to end) of each side runs
 * in a process of its own, so a peak RSS is that phase's alone (Node + tsx, or Python + torch, included).
 *
 * `tools/point-e/bench_reference.py export` builds the reference networks at each size with seeded
 * random weights, saves them for PyTorch and exports the ONNX files our runtime loads; `… run` times
 * the reference. Sizes: `tiny` (the parity fixtures' shapes) and `mid` (the official 1024 + 3072
 * points, width 128, 4 layers). Full-size networks are too slow for the benchmark machine.
 *
 * Needs python3-torch (Debian) and the reference checkouts of openai/point-e and openai/CLIP (MIT,
 * never committed), given as DREAM_CAD_POINT_E_REFERENCE=/path/to/point-e:/path/to/CLIP (or already on
 * PYTHONPATH); it skips with a message without them. Not part of `npm test`.
 *
 * Run: `npm run bench -- point-e` (options: --sizes=tiny,mid --base-steps=16 --up-steps=16 --grid=32
 * --repeats=10 --runs=3 --threads=<cores>).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openOnnxNetwork } from '../src/models/point-e/onnx.js';
import { PointEPipeline } from '../src/models/point-e/pipeline.js';
import { publish } from './report.js';

const PYTHON = process.env.DREAM_CAD_PYTHON ?? '/usr/bin/python3';
const TOOL = join(import.meta.dirname, '..', 'tools', 'point-e', 'bench_reference.py');
const PROMPT = 'a red wooden chair';

interface Settings {
  baseSteps: number;
  upSteps: number;
  grid: number;
  repeats: number;
  runs: number;
  threads: number;
}

interface SideResult {
  callsMs: Record<string, number>;
  sampleMs: number;
  meshMs: number;
  endToEndMs: number;
  faces: number;
  peakRssMb: number;
  [key: string]: unknown;
}

function option(options: string[], name: string, fallback: string): string {
  const hit = options.find((o) => o.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

function pythonEnv(): NodeJS.ProcessEnv {
  const ref = process.env.DREAM_CAD_POINT_E_REFERENCE;
  const path = [ref, process.env.PYTHONPATH].filter(Boolean).join(':');
  return { ...process.env, PYTHONPATH: path, PYTHONWARNINGS: 'ignore' };
}

/** Why the benchmark cannot run here, or undefined when it can. */
function missing(): string | undefined {
  const check = (code: string) =>
    spawnSync(PYTHON, ['-c', code], { env: pythonEnv(), stdio: 'ignore', timeout: 120_000 }).status === 0;
  if (!check('import torch'))
    return `PyTorch is not importable by ${PYTHON} (Debian: apt-get install -y python3-torch python3-numpy)`;
  if (
    !check(
      'import importlib.util as u, sys; sys.exit(0 if u.find_spec("point_e") and u.find_spec("clip") else 1)',
    )
  )
    return (
      'the reference checkouts are not on the path: set DREAM_CAD_POINT_E_REFERENCE=/path/to/point-e:/path/to/CLIP ' +
      '(github.com/openai/point-e and github.com/openai/CLIP)'
    );
  return undefined;
}

function lastJson(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Record<string, unknown>;
}

function python(args: string[]): Record<string, unknown> {
  const out = execFileSync(PYTHON, [TOOL, ...args], {
    env: pythonEnv(),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 3_600_000,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return lastJson(out);
}

/** Our side, one process per phase, so each peak RSS is that phase's alone (not the benchmark's). */
function ours(dir: string, s: Settings, phase: Phase): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', dir, JSON.stringify(s), phase],
    { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 3_600_000, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return lastJson(out);
}

/** Both phases of one side: per-call timings and end to end, each from its own process. */
function side(run: (phase: Phase) => Record<string, unknown>): SideResult {
  const calls = run('calls');
  const e2e = run('e2e');
  return {
    ...calls,
    ...e2e,
    callsPeakRssMb: calls.peakRssMb,
    peakRssMb: e2e.peakRssMb,
  } as unknown as SideResult;
}

async function medianMs(fn: () => Promise<unknown>, repeats: number): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Random values from a small LCG: the inputs only need the right shapes. */
function random(n: number, scale = 1, offset = 0): Float32Array {
  let state = 12345;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = (state / 2 ** 32 - offset) * scale;
  }
  return out;
}

type Phase = 'calls' | 'e2e';

/** One phase in this (child) process: prints a JSON line with its timings and the peak RSS. */
async function child(dir: string, s: Settings, phase: Phase): Promise<void> {
  const session = { device: 'cpu' as const, intraOpThreads: s.threads };
  const pipe = await PointEPipeline.load(dir, session);
  const result =
    phase === 'calls'
      ? { callsMs: await timeCalls(pipe, dir, s) }
      : { provider: pipe.provider, ...(await timeEndToEnd(pipe, s)) };
  await pipe.release();
  process.stdout.write(
    `${JSON.stringify({ side: 'onnxruntime', ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}

/** One call of each network on its own session, median of `repeats` after a warm-up. */
async function timeCalls(pipe: PointEPipeline, dir: string, s: Settings): Promise<Record<string, number>> {
  const session = { device: 'cpu' as const, intraOpThreads: s.threads };
  const m = pipe.manifest;
  const nb = m.base.numPoints;
  const nu = m.upsampler!.numPoints;
  const nAll = nb + nu;
  const dim = m.textEncoder.embeddingDim;
  const open = (file: string) => openOnnxNetwork(join(dir, file), session);
  const [text, base, up, enc, dec] = await Promise.all([
    open(m.textEncoder.file),
    open(m.base.file),
    open(m.upsampler!.file),
    open(m.sdf!.encoder),
    open(m.sdf!.decoder),
  ]);
  const tokens = pipe.tokenize(PROMPT);
  const emb = new Float32Array(2 * dim);
  emb.set((await text.run({ tokens: { data: tokens, dims: [1, 77] } })).embedding);
  const points = random(3 * nAll, 1, 0.5);
  const { latents } = await enc.run({ points: { data: points, dims: [1, 3, nAll] } });
  const callsMs = {
    text: await medianMs(() => text.run({ tokens: { data: tokens, dims: [1, 77] } }), s.repeats),
    base: await medianMs(
      () =>
        base.run({
          x: { data: random(2 * 6 * nb), dims: [2, 6, nb] },
          t: { data: new Float32Array([500, 500]), dims: [2] },
          embedding: { data: emb, dims: [2, dim] },
        }),
      s.repeats,
    ),
    upsampler: await medianMs(
      () =>
        up.run({
          x: { data: random(6 * nu), dims: [1, 6, nu] },
          t: { data: new Float32Array([500]), dims: [1] },
          low_res: { data: random(6 * nb), dims: [1, 6, nb] },
        }),
      s.repeats,
    ),
    sdfEncoder: await medianMs(() => enc.run({ points: { data: points, dims: [1, 3, nAll] } }), s.repeats),
    sdfDecoder: await medianMs(
      () =>
        dec.run({
          query: { data: random(3 * 4096, 1, 0.5), dims: [1, 3, 4096] },
          latents: { data: latents, dims: [1, nAll, latents.length / nAll] },
        }),
      s.repeats,
    ),
  };
  await Promise.all([text, base, up, enc, dec].map((n) => n.release()));
  return callsMs;
}

/** Prompt → point cloud → mesh with the pipeline, as `point-e` runs it. */
async function timeEndToEnd(pipe: PointEPipeline, s: Settings) {
  const endToEnd = async () => {
    const t0 = performance.now();
    const cloud = await pipe.textToPointCloud(PROMPT, {
      seed: 1,
      steps: s.baseSteps,
      upsamplerSteps: s.upSteps,
    });
    const t1 = performance.now();
    const mesh = await pipe.pointCloudToMesh(cloud, { gridSize: s.grid });
    const t2 = performance.now();
    return [t1 - t0, t2 - t1, mesh.indices.length / 3];
  };
  await endToEnd(); // warm-up
  const runs: number[][] = [];
  for (let i = 0; i < s.runs; i++) runs.push(await endToEnd());
  return {
    sampleMs: median(runs.map((r) => r[0])),
    meshMs: median(runs.map((r) => r[1])),
    endToEndMs: median(runs.map((r) => r[0] + r[1])),
    faces: runs.at(-1)![2],
  };
}

export async function run(options: string[] = []): Promise<void> {
  const why = missing();
  if (why) {
    console.log(`\n## point-e\n# skipped: ${why}.`);
    return;
  }
  const sizes = option(options, 'sizes', 'tiny,mid').split(',');
  const s: Settings = {
    baseSteps: Number(option(options, 'base-steps', '16')),
    upSteps: Number(option(options, 'up-steps', '16')),
    grid: Number(option(options, 'grid', '32')),
    repeats: Number(option(options, 'repeats', '10')),
    runs: Number(option(options, 'runs', '3')),
    threads: Number(option(options, 'threads', String(availableParallelism()))),
  };
  const rows: Record<string, string | number | boolean | null>[] = [];
  const raw: Record<string, unknown> = {};
  const work = mkdtempSync(join(tmpdir(), 'dream-cad-point-e-bench-'));
  try {
    for (const size of sizes) {
      const dir = join(work, size);
      const exported = python(['export', '--size', size, '--out', dir]);
      const mine = side((phase) => ours(dir, s, phase));
      const ref = side((phase) =>
        python([
          'run',
          '--phase',
          phase,
          '--dir',
          dir,
          '--prompt',
          PROMPT,
          '--base-steps',
          String(s.baseSteps),
          '--up-steps',
          String(s.upSteps),
          '--grid',
          String(s.grid),
          '--repeats',
          String(s.repeats),
          '--runs',
          String(s.runs),
          '--threads',
          String(s.threads),
        ]),
      );
      raw[size] = { parameters: exported.parameters, ours: mine, pytorch: ref };
      const row = (what: string, a: number, b: number) =>
        rows.push({
          size,
          what,
          'ours ms': round(a),
          'pytorch ms': round(b),
          'pytorch / ours': round(b / a),
        });
      for (const k of ['text', 'base', 'upsampler', 'sdfEncoder', 'sdfDecoder'])
        row(`call: ${k}`, mine.callsMs[k], ref.callsMs[k]);
      row(`sample (${s.baseSteps} + ${s.upSteps} steps)`, mine.sampleMs, ref.sampleMs);
      row(`mesh (${s.grid}³ SDF + marching cubes)`, mine.meshMs, ref.meshMs);
      row('end to end', mine.endToEndMs, ref.endToEndMs);
      // Memory rows share the columns; their label says MB.
      row('peak RSS, end to end (MB)', mine.peakRssMb, ref.peakRssMb);
      row('peak RSS, per-call phase (MB)', mine.callsPeakRssMb as number, ref.callsPeakRssMb as number);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const first = Object.values(raw)[0] as { pytorch: Record<string, unknown> } | undefined;
  publish({
    name: 'point-e',
    notes: [
      `CPU, ${s.threads} threads on both sides (ONNX Runtime intraOpNumThreads, torch.set_num_threads); ` +
        `median of ${s.repeats} calls / ${s.runs} end-to-end runs after a warm-up; model loading excluded.`,
      'call: base is batch 2 (conditional + unconditional), upsampler batch 1, sdfDecoder 4096 queries.',
      `Same random weights on both sides (tools/point-e/bench_reference.py); torch ${String(first?.pytorch.torch)}, ` +
        `skimage marching cubes in the reference: ${String(first?.pytorch.skimage)}.`,
      'Peak-RSS rows are in MB, not ms: each phase of each side runs in a process of its own.',
    ],
    rows,
    extra: { settings: s, raw },
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href &&
  process.argv[2] === '--child'
) {
  await child(process.argv[3], JSON.parse(process.argv[4]) as Settings, process.argv[5] as Phase);
}
