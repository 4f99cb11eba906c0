/**
 * The family sweep shared by test/dreamcad-sweep-*.test.ts: for every family, seeded random prompts
 * (a colour, a material, a finish and a style word before one of the family's nouns) and the checks
 * every generated asset must pass. Size words are left out so the family's size range applies; the
 * low-poly style is forced on every fifth seed.
 */
import assert from 'node:assert/strict';
import { type Asset, assetBounds } from '../../src/asset/asset.js';
import { checkWatertight, signedVolume } from '../../src/geometry/mesh-checks.js';
import '../../src/io/index.js';
import { exportAsset } from '../../src/io/registry.js';
import { COLOR_WORDS, isColorWord } from '../../src/models/dreamcad/colors.js';
import { DETAIL_LEVELS, type DetailLevel, generateDreamcadAsset } from '../../src/models/dreamcad/engine.js';
import { FAMILIES, type FamilyDefinition } from '../../src/models/dreamcad/families/index.js';
import { FINISHES } from '../../src/models/dreamcad/finishes.js';
import { isMaterialWord, MATERIAL_WORDS } from '../../src/models/dreamcad/materials.js';
import { Rng } from '../../src/models/dreamcad/random.js';
import { STYLES } from '../../src/models/dreamcad/styles.js';
import { validateGlb } from './gltf-validator.js';

/** Seeds per family at medium detail. */
export const SEEDS_PER_FAMILY = 20;
/** Bounds may exceed the family range by float noise only. */
export const SLACK = 1e-3;

/** Words that also name a family ("orange", "glass"…) would change what the prompt means: left out. */
const nouns = new Set(FAMILIES.flatMap((f) => f.nouns.flatMap((n) => [n.word, ...n.word.split(' ')])));
const pool = (words: string[]) => [...new Set(words)].filter((w) => !nouns.has(w)).sort();
export const COLORS = pool(Object.keys(COLOR_WORDS));
export const MATERIALS = pool(Object.keys(MATERIAL_WORDS));
export const FINISH_WORDS = pool(FINISHES.flatMap((f) => f.words));
export const STYLE_WORDS = pool(STYLES.flatMap((s) => s.words));

/**
 * The nouns a sweep may use for a family: all but phrases the interpreter reads another way once
 * adjectives come before them ("a red loaf of bread" is bread and a loaf, "a red chest of drawers" a
 * chest, "a red looking glass" a glass); the plain nouns of those families are still used.
 */
export function familyNouns(family: FamilyDefinition): string[] {
  const words = family.nouns
    .map((n) => n.word)
    .filter(
      (w) =>
        !/ of /.test(w) &&
        !w.split(' ').some((part) => part !== w && (isMaterialWord(part) || isColorWord(part))),
    );
  return words.length > 0 ? words : [family.id];
}

export interface SweepCase {
  family: FamilyDefinition;
  prompt: string;
  seed: number;
  lowPoly: boolean;
}

/**
 * Case `i` of a family: a seed and a prompt, the same on every run. Every fifth case (i = 0, 5, …) is
 * low-poly.
 */
export function sweepCase(family: FamilyDefinition, i: number): SweepCase {
  const index = FAMILIES.indexOf(family);
  const seed = (Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0;
  const rng = new Rng(seed ^ 0x5eed);
  const pick = (words: readonly string[]) => words[Math.floor(rng.next() * words.length)];
  const lowPoly = i % 5 === 0;
  const style = lowPoly ? 'low poly' : pick(STYLE_WORDS);
  const noun = pick(familyNouns(family));
  const prompt = `${pick(COLORS)} ${pick(MATERIALS)} ${pick(FINISH_WORDS)} ${style} ${noun}`;
  return { family, prompt, seed, lowPoly };
}

/** The families of shard `k` of `n` (every n-th family), so test files can run in parallel. */
export function shard(k: number, n: number): FamilyDefinition[] {
  return FAMILIES.filter((_, i) => i % n === k);
}

/**
 * True when a triangle has (next to) no area: under a square micrometre, or one corner on the line
 * through the other two (height under a millionth of the longest edge).
 */
function degenerate(p: Float32Array, a: number, b: number, c: number): boolean {
  const u = [p[b * 3] - p[a * 3], p[b * 3 + 1] - p[a * 3 + 1], p[b * 3 + 2] - p[a * 3 + 2]];
  const v = [p[c * 3] - p[a * 3], p[c * 3 + 1] - p[a * 3 + 1], p[c * 3 + 2] - p[a * 3 + 2]];
  const twiceArea = Math.hypot(
    u[1] * v[2] - u[2] * v[1],
    u[2] * v[0] - u[0] * v[2],
    u[0] * v[1] - u[1] * v[0],
  );
  const w = [u[0] - v[0], u[1] - v[1], u[2] - v[2]];
  const longest = Math.max(Math.hypot(...u), Math.hypot(...v), Math.hypot(...w));
  return !(twiceArea >= 2e-12) || twiceArea < 1e-6 * longest * longest;
}

/** Total triangles of an asset's parts. */
export function triangles(asset: Asset): number {
  return asset.parts.reduce((n, p) => n + p.mesh.indices.length / 3, 0);
}

/**
 * Every check a generated single-object asset must pass: the family asked for; every part a closed,
 * outward-facing solid with no degenerate triangles, finite positions, unit normals and UVs; the
 * detail level's triangle budget; the family's real size range; on the ground with its footprint
 * centred.
 */
export function checkAsset(asset: Asset, c: SweepCase, detail: DetailLevel): void {
  const where = `${c.family.id} seed ${c.seed} "${c.prompt}" ${detail}`;
  const spec = asset.metadata.spec as { objects: unknown[] };
  assert.equal(asset.metadata.family, c.family.id, `${where}: read as ${asset.metadata.family}`);
  assert.equal(spec.objects.length, 1, `${where}: read as ${spec.objects.length} objects`);
  assert.equal((spec.objects[0] as { count: number }).count, 1, `${where}: read as several`);
  assert.ok(asset.parts.length > 0, `${where}: no parts`);
  assert.equal(
    new Set(asset.parts.map((p) => p.name)).size,
    asset.parts.length,
    `${where}: duplicate part names`,
  );
  for (const part of asset.parts) {
    const { mesh } = part;
    const at = `${where} part ${part.name}`;
    const report = checkWatertight(mesh);
    assert.ok(report.watertight, `${at}: not watertight ${JSON.stringify(report)}`);
    assert.ok(signedVolume(mesh) > 0, `${at}: volume not positive (inside out?)`);
    const n = mesh.positions.length / 3;
    assert.equal(mesh.normals.length, n * 3, `${at}: normals missing`);
    assert.equal(mesh.uvs.length, n * 2, `${at}: UVs missing`);
    for (let i = 0; i < mesh.positions.length; i++) {
      assert.ok(Number.isFinite(mesh.positions[i]), `${at}: position ${i} is ${mesh.positions[i]}`);
    }
    for (let i = 0; i < mesh.uvs.length; i++)
      assert.ok(Number.isFinite(mesh.uvs[i]), `${at}: UV ${i} not finite`);
    for (let i = 0; i < n; i++) {
      const len = Math.hypot(mesh.normals[i * 3], mesh.normals[i * 3 + 1], mesh.normals[i * 3 + 2]);
      assert.ok(Math.abs(len - 1) < 1e-4, `${at}: normal ${i} length ${len}`);
    }
    const idx = mesh.indices;
    for (let t = 0; t < idx.length; t += 3) {
      if (degenerate(mesh.positions, idx[t], idx[t + 1], idx[t + 2])) {
        assert.fail(`${at}: triangle ${t / 3} is degenerate`);
      }
    }
    assert.ok(part.material.name.length > 0, `${at}: material has no name`);
  }
  const budget = DETAIL_LEVELS[detail].budget;
  const tris = triangles(asset);
  assert.ok(tris <= budget, `${where}: ${tris} triangles, over the ${detail} budget of ${budget}`);
  const b = assetBounds(asset);
  assert.ok(Math.abs(b.min[1]) < 1e-6, `${where}: min y ${b.min[1]} is not on the ground`);
  assert.ok(Math.abs(b.min[0] + b.max[0]) < 1e-4, `${where}: footprint not centred in x`);
  assert.ok(Math.abs(b.min[2] + b.max[2]) < 1e-4, `${where}: footprint not centred in z`);
  (['width', 'height', 'depth'] as const).forEach((axis, k) => {
    const value = b.max[k] - b.min[k];
    const [lo, hi] = c.family.size[axis];
    assert.ok(
      value >= lo - SLACK && value <= hi + SLACK,
      `${where}: ${axis} ${value.toFixed(4)} m outside ${lo}–${hi} m`,
    );
  });
  assert.equal(asset.metadata.seed, c.seed);
  assert.equal(asset.metadata.detail, detail);
}

/**
 * The whole sweep for one family: `SEEDS_PER_FAMILY` cases at medium detail; cases 0 (low-poly) and 1
 * also at low and high detail; the GLB of case 1 at every detail level through the Khronos validator
 * (0 errors); and case 1 generated twice at medium gives byte-identical GLB files.
 */
export async function sweepFamily(family: FamilyDefinition): Promise<void> {
  const glbOf = async (asset: Asset) => (await exportAsset(asset, 'glb')).main;
  for (let i = 0; i < SEEDS_PER_FAMILY; i++) {
    const c = sweepCase(family, i);
    for (const detail of i < 2 ? DETAIL_NAMES : (['medium'] as const)) {
      const asset = await generateDreamcadAsset(c.prompt, { seed: c.seed, detail });
      checkAsset(asset, c, detail);
      if (i !== 1) continue;
      const bytes = await glbOf(asset);
      const report = await validateGlb(bytes);
      assert.equal(report.errors, 0, `${family.id} "${c.prompt}" ${detail}:\n${report.messages.join('\n')}`);
      if (detail === 'medium') {
        const again = await glbOf(await generateDreamcadAsset(c.prompt, { seed: c.seed, detail }));
        assert.ok(Buffer.from(bytes).equals(Buffer.from(again)), `${family.id} "${c.prompt}": bytes differ`);
      }
    }
  }
}

const DETAIL_NAMES = ['low', 'medium', 'high'] as const;
