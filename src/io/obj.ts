import type { Material } from '../asset/asset.js';
import { version } from '../version.js';
import { clamp01, linearToSrgb } from './color.js';
import type { FormatWriter, SidecarFile } from './format.js';

/**
 * Wavefront OBJ with an MTL material library and the base-colour textures as PNG sidecars.
 *
 * - One `o` and `g` per part, named after the part, each with its own `usemtl`; the `object` a part
 *   belongs to is not kept (OBJ has one level of naming, and readers disagree on `o` versus `g`).
 * - Vertex colours use the widespread `v x y z r g b` extension. OBJ/MTL readers (three.js,
 *   Blender, MeshLab) take colours as sRGB, so linear asset colours are converted, as are `Kd`,
 *   `Ks` and `Ke` in the MTL.
 * - Texture coordinates are written with V flipped (`1 − v`): OBJ puts the texture origin at the
 *   bottom left, glTF (and our assets) at the top left.
 * - Names lose spaces, newlines and anything else outside letters, digits, `.`, `_` and `-`,
 *   because OBJ statements are whitespace separated; collisions get a `_2`, `_3`… suffix.
 * - Sidecars are `<base>.mtl` and `<base>_<material>.png`, where `<base>` is `options.baseName`
 *   sanitised the same way, so `mtllib` and `map_Kd` never need quoting.
 *
 * @example
 * registerFormat(objWriter);
 * await saveAsset(asset, 'out/chair.obj'); // also out/chair.mtl and out/chair_<material>.png
 */
export const objWriter: FormatWriter = {
  format: 'obj',
  extensions: ['obj'],
  mimeType: 'model/obj',
  description: 'Wavefront OBJ + MTL: parts, materials (with PBR keys), PNG textures, vertex colours',
  async write(asset, options) {
    const base = sanitizeName(options.baseName, 'model');
    const materialNames = new Set<string>();
    const materials: { name: string; material: Material }[] = [];
    const sidecars: SidecarFile[] = [];
    const mtl: string[] = [`# dream-cad ${version} material library`];
    const obj: string[] = [`# dream-cad ${version}`];
    if (asset.metadata.prompt !== undefined)
      obj.push(`# prompt: ${commentText(String(asset.metadata.prompt))}`);
    obj.push('# units: metres, +Y up', `mtllib ${base}.mtl`);

    const partNames = new Set<string>();
    let offset = 0;
    for (const part of asset.parts) {
      const { mesh, material } = part;
      // Parts with equal materials share one MTL entry; different materials never merge by name.
      let entry = materials.find((m) => sameMaterial(m.material, material));
      if (!entry) {
        entry = { name: uniqueName(sanitizeName(material.name, 'material'), materialNames), material };
        materials.push(entry);
        let texture: string | undefined;
        if (material.baseColorTexture) {
          texture = `${base}_${entry.name}.png`;
          sidecars.push({ name: texture, data: material.baseColorTexture.data });
        }
        mtl.push('', ...mtlEntry(entry.name, material, texture));
      }

      const name = uniqueName(sanitizeName(part.name, 'part'), partNames);
      obj.push('', `o ${name}`, `g ${name}`, `usemtl ${entry.name}`);
      const { positions: p, normals: nrm, uvs, colors } = mesh;
      const n = p.length / 3;
      for (let i = 0; i < n; i++) {
        let line = `v ${num(p[i * 3])} ${num(p[i * 3 + 1])} ${num(p[i * 3 + 2])}`;
        if (colors) {
          const [r, g, b] = [0, 1, 2].map((k) => linearToSrgb(colors[i * 3 + k]));
          line += ` ${colorNum(r)} ${colorNum(g)} ${colorNum(b)}`;
        }
        obj.push(line);
      }
      for (let i = 0; i < n; i++) obj.push(`vt ${num(uvs[i * 2])} ${num(1 - uvs[i * 2 + 1])}`);
      for (let i = 0; i < n; i++) {
        const [x, y, z] = [nrm[i * 3], nrm[i * 3 + 1], nrm[i * 3 + 2]];
        // Readers normalise anyway, but unit normals keep the file exact; a zero normal stays zero.
        const len = Math.hypot(x, y, z) || 1;
        obj.push(`vn ${num(x / len)} ${num(y / len)} ${num(z / len)}`);
      }
      const idx = mesh.indices;
      for (let t = 0; t < idx.length; t += 3) {
        // OBJ indices are 1-based and global; v, vt and vn advance together, so one number fits all.
        const a = idx[t] + offset + 1;
        const b = idx[t + 1] + offset + 1;
        const c = idx[t + 2] + offset + 1;
        obj.push(`f ${a}/${a}/${a} ${b}/${b}/${b} ${c}/${c}/${c}`);
      }
      offset += n;
    }

    const encoder = new TextEncoder();
    sidecars.unshift({ name: `${base}.mtl`, data: encoder.encode(`${mtl.join('\n')}\n`) });
    return { main: encoder.encode(`${obj.join('\n')}\n`), sidecars };
  },
};

/**
 * One `newmtl` block. The legacy Phong keys approximate the PBR material the way Blender's OBJ
 * exporter does, so Blender reads them back unchanged: `Ka` holds metallic as grey, `Ks` the
 * specular colour (4% for dielectrics, blending to the base colour for metals), and
 * `Ns = (1 − roughness)² · 1000`. `Pr`/`Pm` (the PBR extension) carry the exact values for readers
 * that know them.
 */
function mtlEntry(name: string, m: Material, texture: string | undefined): string[] {
  const metallic = clamp01(m.metallic);
  const roughness = clamp01(m.roughness);
  const [r, g, b, a] = m.baseColor;
  const srgb = (c: number) => colorNum(linearToSrgb(c));
  const spec = [r, g, b].map((c) => srgb(0.04 + (clamp01(c) - 0.04) * metallic));
  const lines = [
    `newmtl ${name}`,
    `Ka ${num(metallic)} ${num(metallic)} ${num(metallic)}`,
    `Kd ${srgb(r)} ${srgb(g)} ${srgb(b)}`,
    `Ks ${spec.join(' ')}`,
  ];
  if (m.emissive) lines.push(`Ke ${m.emissive.map(srgb).join(' ')}`);
  lines.push(
    `Ns ${num((1 - roughness) ** 2 * 1000)}`,
    `d ${num(clamp01(a))}`,
    'illum 2',
    `Pr ${num(roughness)}`,
    `Pm ${num(metallic)}`,
  );
  if (texture) lines.push(`map_Kd ${texture}`);
  return lines;
}

function sameMaterial(a: Material, b: Material): boolean {
  const fields = (m: Material) =>
    JSON.stringify([
      m.name,
      m.baseColor,
      m.metallic,
      m.roughness,
      m.emissive ?? null,
      m.doubleSided ?? false,
    ]);
  return a === b || (a.baseColorTexture === b.baseColorTexture && fields(a) === fields(b));
}

/**
 * Letters and digits of any script, `.`, `_` and `-` survive; every other run becomes one `_`.
 * Punctuation is trimmed from both ends so a sidecar is never a hidden file or looks like an option.
 */
function sanitizeName(name: string, fallback: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._-]+|[._-]+$/g, '');
  return /[\p{L}\p{N}]/u.test(safe) ? safe : fallback;
}

function uniqueName(name: string, used: Set<string>): string {
  let unique = name;
  for (let i = 2; used.has(unique); i++) unique = `${name}_${i}`;
  used.add(unique);
  return unique;
}

/** A comment stays on its line: control characters (newlines included) become spaces. */
function commentText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/**
 * The shortest decimal that reads back as the same float32, without exponent notation (which some
 * OBJ readers reject): sub-micrometre magnitudes and non-finite values are written as 0.
 */
function num(x: number): string {
  if (!(Math.abs(x) >= 1e-6) || !Number.isFinite(x)) return '0';
  const f = Math.fround(x);
  const short = Number(x.toPrecision(7));
  return String(Math.fround(short) === f ? short : Number(x.toPrecision(9)));
}

/** Colours need no more than 6 decimals (8-bit channels are 0.004 apart). */
function colorNum(x: number): string {
  return String(Number(x.toFixed(6)));
}
