/**
 * Scenes: several objects from one prompt, each at its real size, placed without interpenetration,
 * resting on the ground or on what they are "on"/"in", one glTF node per object.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NodeIO } from '@gltf-transform/core';
import type { Asset, Vec3 } from '../src/asset/asset.js';
import '../src/io/index.js';
import { exportAsset } from '../src/io/registry.js';
import { generateDreamcadAsset } from '../src/models/dreamcad/engine.js';
import type { Spec } from '../src/models/dreamcad/spec.js';
import { validateGlb } from './helpers/gltf-validator.js';

interface Box {
  min: Vec3;
  max: Vec3;
}

const SCENES = [
  'two oranges in a wooden bowl on a round table',
  'a lamp next to an armchair',
  'three pears in a bowl',
  'a cat under a table',
  'a round table with four chairs, a lamp beside the table and three apples in a bowl on the table',
  'a vase on a dresser beside a bed',
  'a sword and a shield',
  'ten apples in a bowl',
  'a mug on a desk next to a laptop',
  'two barrels and a crate',
];
/** Touching is allowed; overlaps below a millimetre are float noise. */
const EPS = 1e-3;

function partBox(positions: Float32Array): Box {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], positions[i + k]);
      max[k] = Math.max(max[k], positions[i + k]);
    }
  }
  return { min, max };
}

const overlap = (a: Box, b: Box) =>
  [0, 1, 2].every((k) => a.min[k] < b.max[k] - EPS && b.min[k] < a.max[k] - EPS);

/** Objects of the scene by name, with their part boxes and union box. */
function objects(asset: Asset): Map<string, { parts: Box[]; box: Box }> {
  const out = new Map<string, { parts: Box[]; box: Box }>();
  for (const part of asset.parts) {
    const name = part.object ?? '';
    const box = partBox(part.mesh.positions);
    const o = out.get(name) ?? { parts: [], box: { min: [...box.min] as Vec3, max: [...box.max] as Vec3 } };
    o.parts.push(box);
    for (let k = 0; k < 3; k++) {
      o.box.min[k] = Math.min(o.box.min[k], box.min[k]);
      o.box.max[k] = Math.max(o.box.max[k], box.max[k]);
    }
    out.set(name, o);
  }
  return out;
}

describe('dreamcad scenes', () => {
  for (const prompt of SCENES) {
    test(prompt, async () => {
      for (const seed of [1, 2, 3]) {
        const asset = await generateDreamcadAsset(prompt, { seed });
        const where = `${prompt} (seed ${seed})`;
        const meta = asset.metadata.objects as Array<{ name: string; family: string; placement: string }>;
        const spec = asset.metadata.spec as Spec;
        assert.ok(meta.length >= 2, `${where}: a scene has several objects`);
        assert.equal(
          meta.length,
          spec.objects.reduce((n, o) => n + o.count, 0),
          `${where}: one per instance`,
        );
        const byName = objects(asset);
        assert.deepEqual(
          [...byName.keys()].sort(),
          meta.map((m) => m.name).sort(),
          `${where}: every part in an object`,
        );
        // The scene rests on the ground.
        const lowest = Math.min(...[...byName.values()].map((o) => o.box.min[1]));
        assert.ok(Math.abs(lowest) < 1e-6, `${where}: lowest point ${lowest}`);
        // Objects related by "on"/"in"/"under" (by family) may share space (a bowl's contents, a table over
        // a cat); every other pair of parts of different objects must not overlap.
        const related = new Set<string>();
        const famOf = new Map(meta.map((m) => [m.name, m.family]));
        for (const r of spec.relations) {
          if (r.kind !== 'on' && r.kind !== 'in' && r.kind !== 'under') continue;
          const a = spec.objects[r.subject].family;
          const b = spec.objects[r.target].family;
          related.add(`${a}|${b}`);
          related.add(`${b}|${a}`);
        }
        const names = [...byName.keys()];
        for (let i = 0; i < names.length; i++) {
          for (let j = i + 1; j < names.length; j++) {
            const fa = famOf.get(names[i]);
            const fb = famOf.get(names[j]);
            if (related.has(`${fa}|${fb}`) && fa !== fb) continue;
            for (const a of byName.get(names[i])!.parts)
              for (const b of byName.get(names[j])!.parts)
                assert.ok(!overlap(a, b), `${where}: ${names[i]} and ${names[j]} overlap`);
          }
        }
        // Whatever is "on" or "in" something rests at or above its lowest point, over its footprint.
        for (const m of meta) {
          const on = /^(on|in) (.+?)( \(|$)/.exec(m.placement);
          if (!on) continue;
          const target = meta.find((t) => t.family === on[2] || t.name === on[2]);
          assert.ok(target, `${where}: ${m.name} is ${m.placement}, which is in the scene`);
          const s = byName.get(m.name)!.box;
          const t = byName.get(target.name)!.box;
          assert.ok(s.min[1] >= t.min[1] - EPS, `${where}: ${m.name} below ${target.name}`);
          const cx = (s.min[0] + s.max[0]) / 2;
          const cz = (s.min[2] + s.max[2]) / 2;
          assert.ok(
            cx >= t.min[0] - EPS && cx <= t.max[0] + EPS,
            `${where}: ${m.name} off ${target.name} in x`,
          );
          assert.ok(
            cz >= t.min[2] - EPS && cz <= t.max[2] + EPS,
            `${where}: ${m.name} off ${target.name} in z`,
          );
        }
      }
    });
  }

  test('the GLB has one node per object holding its parts, and passes the validator', async () => {
    const asset = await generateDreamcadAsset('two oranges in a wooden bowl on a round table', { seed: 4 });
    const bytes = (await exportAsset(asset, 'glb')).main;
    assert.equal((await validateGlb(bytes)).errors, 0);
    const doc = await new NodeIO().readBinary(bytes);
    const roots = doc.getRoot().getDefaultScene()!.listChildren();
    assert.deepEqual(roots.map((n) => n.getName()).sort(), ['bowl', 'orange_1', 'orange_2', 'table']);
    const table = roots.find((n) => n.getName() === 'table')!;
    assert.ok(table.listChildren().every((c) => c.getName().startsWith('table_')));
  });

  test('a container grows to hold its contents: ten apples all go in the bowl', async () => {
    const asset = await generateDreamcadAsset('ten apples in a bowl', { seed: 1 });
    const grown = asset.metadata.grownContainers as Record<string, number>;
    assert.ok(grown.bowl > 1, JSON.stringify(grown));
    const meta = asset.metadata.objects as Array<{ name: string; placement: string }>;
    const apples = meta.filter((m) => m.name.startsWith('apple'));
    assert.equal(apples.length, 10);
    for (const a of apples) assert.match(a.placement, /^in bowl/, `${a.name}: ${a.placement}`);
    const alone = await generateDreamcadAsset('a bowl', { seed: 1 });
    assert.equal(alone.metadata.grownContainers, undefined);
  });
});
