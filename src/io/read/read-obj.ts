import { ImageUtils } from '@gltf-transform/core';
import type { Asset, AssetPart, Material, Texture } from '../../asset/asset.js';
import { FileFormatError } from '../../errors.js';
import { computeVertexNormals, defaultMaterial, GrowableF32, GrowableU32 } from './mesh-utils.js';
import type { ReadContext, ReadMeshResult } from './types.js';

export interface ReadObjOptions {
  /** Read the .mtl library (and its map_Kd textures) through the context's `readSidecar`. */
  materials?: boolean;
}

export const READ_OBJ_DEFAULTS: Required<ReadObjOptions> = { materials: true };

interface PartBuilder {
  name: string;
  materialName: string;
  positions: GrowableF32;
  normals: GrowableF32;
  uvs: GrowableF32;
  colors: GrowableF32;
  indices: GrowableU32;
  lookup: Map<number | string, number>;
  hasNormals: boolean;
}

/**
 * Reads a Wavefront OBJ into an `Asset`: one part per object/group and material, polygons
 * fan-triangulated, corners with the same (v, vt, vn) shared, negative indices resolved, vertex
 * colours (`v x y z r g b`) kept, and `mtllib` materials (Kd, d, Pr, Pm, map_Kd) read through
 * `context.readSidecar`. Missing sidecars are warnings, not errors.
 *
 * @example
 * const { asset } = await readObj(bytes, { readSidecar: (n) => readFile(join(dir, n)).catch(() => undefined) });
 */
export async function readObj(
  bytes: Uint8Array,
  context: ReadContext = {},
  options: ReadObjOptions = {},
): Promise<ReadMeshResult> {
  const opts = { ...READ_OBJ_DEFAULTS, ...options };
  const warnings: string[] = [];
  const text = new TextDecoder().decode(bytes);
  const v = new GrowableF32(1 << 16);
  const vc = new GrowableF32(1024);
  const vt = new GrowableF32(1024);
  const vn = new GrowableF32(1024);
  let anyVertexColors = false;
  const parts: PartBuilder[] = [];
  const mtllibs: string[] = [];
  let objectName = 'mesh';
  let materialName = '';
  let current: PartBuilder | undefined;
  const corner: number[] = [0, 0, 0];
  const face: number[] = [];

  const part = (): PartBuilder => {
    if (current) return current;
    let name = materialName ? `${objectName}_${materialName}` : objectName;
    const base = name;
    for (let k = 1; parts.some((p) => p.name === name); k++) name = `${base}_${k}`;
    current = {
      name,
      materialName,
      positions: new GrowableF32(),
      normals: new GrowableF32(),
      uvs: new GrowableF32(),
      colors: new GrowableF32(),
      indices: new GrowableU32(),
      lookup: new Map(),
      hasNormals: false,
    };
    parts.push(current);
    return current;
  };

  const resolve = (raw: string, count: number, what: string, line: number): number => {
    const i = Number.parseInt(raw, 10);
    if (!Number.isFinite(i) || i === 0)
      throw new FileFormatError(`readObj: line ${line}: bad ${what} index "${raw}"`);
    const r = i < 0 ? count + i : i - 1;
    if (r < 0 || r >= count)
      throw new FileFormatError(`readObj: line ${line}: ${what} index ${i} out of range`);
    return r;
  };

  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).trim();
    pos = end + 1;
    lineNo++;
    if (line.length === 0 || line[0] === '#') continue;
    const t = line.split(/\s+/);
    switch (t[0]) {
      case 'v':
        v.push(Number(t[1]));
        v.push(Number(t[2]));
        v.push(Number(t[3]));
        if (t.length >= 7) {
          anyVertexColors = true;
          vc.push(Number(t[4]));
          vc.push(Number(t[5]));
          vc.push(Number(t[6]));
        } else {
          vc.push(1);
          vc.push(1);
          vc.push(1);
        }
        break;
      case 'vt':
        vt.push(Number(t[1]));
        vt.push(t.length > 2 ? Number(t[2]) : 0);
        break;
      case 'vn':
        vn.push(Number(t[1]));
        vn.push(Number(t[2]));
        vn.push(Number(t[3]));
        break;
      case 'f': {
        const p = part();
        face.length = 0;
        const nv = v.length / 3;
        const nt = vt.length / 2;
        const nn = vn.length / 3;
        for (let k = 1; k < t.length; k++) {
          const s = t[k].split('/');
          corner[0] = resolve(s[0], nv, 'vertex', lineNo);
          corner[1] = s.length > 1 && s[1] !== '' ? resolve(s[1], nt, 'texture', lineNo) : -1;
          corner[2] = s.length > 2 && s[2] !== '' ? resolve(s[2], nn, 'normal', lineNo) : -1;
          const key =
            corner[1] < 0 && corner[2] < 0
              ? corner[0]
              : nv * (nt + 1) * (nn + 1) < 2 ** 52
                ? corner[0] + nv * (corner[1] + 1 + (nt + 1) * (corner[2] + 1))
                : `${corner[0]}/${corner[1]}/${corner[2]}`;
          let idx = p.lookup.get(key);
          if (idx === undefined) {
            idx = p.positions.length / 3;
            p.lookup.set(key, idx);
            for (let c = 0; c < 3; c++) p.positions.push(v.data[corner[0] * 3 + c]);
            for (let c = 0; c < 3; c++) p.colors.push(vc.data[corner[0] * 3 + c]);
            p.uvs.push(corner[1] >= 0 ? vt.data[corner[1] * 2] : 0);
            p.uvs.push(corner[1] >= 0 ? vt.data[corner[1] * 2 + 1] : 0);
            for (let c = 0; c < 3; c++) p.normals.push(corner[2] >= 0 ? vn.data[corner[2] * 3 + c] : 0);
            if (corner[2] >= 0) p.hasNormals = true;
          }
          face.push(idx);
        }
        for (let k = 1; k + 1 < face.length; k++) {
          p.indices.push(face[0]);
          p.indices.push(face[k]);
          p.indices.push(face[k + 1]);
        }
        break;
      }
      case 'o':
      case 'g':
        if (t.length > 1) {
          objectName = t.slice(1).join(' ');
          current = undefined;
        }
        break;
      case 'usemtl':
        materialName = t.slice(1).join(' ');
        current = undefined;
        break;
      case 'mtllib':
        mtllibs.push(line.slice(6).trim());
        break;
      default:
        break;
    }
  }
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v.data[i]))
      throw new FileFormatError('readObj: a vertex coordinate is not a number');
  }

  const library = new Map<string, Material>();
  if (opts.materials && mtllibs.length > 0) {
    if (!context.readSidecar)
      warnings.push('readObj: the file names a material library but no folder to read it from');
    else {
      for (const lib of mtllibs) {
        const data = await context.readSidecar(lib);
        if (!data) {
          warnings.push(`readObj: material library "${lib}" not found`);
          continue;
        }
        await parseMtl(new TextDecoder().decode(data), library, context, warnings);
      }
    }
  }

  const assetParts: AssetPart[] = [];
  for (const p of parts) {
    if (p.indices.length === 0) continue;
    const positions = p.positions.toArray();
    const indices = p.indices.toArray();
    const material = library.get(p.materialName) ?? defaultMaterial(p.materialName || 'default');
    assetParts.push({
      name: p.name,
      mesh: {
        positions,
        normals: p.hasNormals ? p.normals.toArray() : computeVertexNormals(positions, indices),
        uvs: p.uvs.toArray(),
        indices,
        ...(anyVertexColors ? { colors: p.colors.toArray() } : {}),
      },
      material,
    });
  }
  const asset: Asset = { parts: assetParts, metadata: { modelName: 'unknown' } };
  return { asset, format: 'obj', warnings };
}

async function parseMtl(
  text: string,
  library: Map<string, Material>,
  context: ReadContext,
  warnings: string[],
): Promise<void> {
  let m: Material | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const t = line.split(/\s+/);
    const num = (i: number) => Number(t[i]);
    if (t[0] === 'newmtl') {
      m = defaultMaterial(t.slice(1).join(' '));
      m.baseColor = [0.8, 0.8, 0.8, 1];
      library.set(m.name, m);
    } else if (!m) {
    } else if (t[0] === 'Kd') m.baseColor = [num(1), num(2), num(3), m.baseColor[3]];
    else if (t[0] === 'd') m.baseColor[3] = num(1);
    else if (t[0] === 'Tr') m.baseColor[3] = 1 - num(1);
    else if (t[0] === 'Pr') m.roughness = num(1);
    else if (t[0] === 'Pm') m.metallic = num(1);
    else if (t[0] === 'Ke') m.emissive = [num(1), num(2), num(3)];
    else if (t[0] === 'map_Kd' && context.readSidecar) {
      const file = t.at(-1)!;
      const data = await context.readSidecar(file);
      if (!data) {
        warnings.push(`readObj: texture "${file}" not found`);
        continue;
      }
      let png = data;
      if (ImageUtils.getMimeType(data) !== 'image/png') {
        try {
          const sharp = (await import('sharp')).default;
          png = new Uint8Array(await sharp(data).png().toBuffer());
        } catch {
          warnings.push(`readObj: texture "${file}" could not be decoded`);
          continue;
        }
      }
      const size = ImageUtils.getSize(png, 'image/png');
      if (!size) continue;
      const texture: Texture = {
        name: file.replace(/\.[^.]+$/, ''),
        mimeType: 'image/png',
        data: png,
        width: size[0],
        height: size[1],
      };
      m.baseColorTexture = texture;
    }
  }
}
