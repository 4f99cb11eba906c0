/**
 * Independent readers for the text and binary mesh formats, built on three.js's example loaders,
 * which run in Node as long as nothing asks them to decode an image.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Box3, type BufferGeometry, Loader, LoadingManager, type Mesh, type Object3D, Texture } from 'three';
import { MTLLoader } from 'three/examples/jsm/loaders/MTLLoader.js';
import { OBJLoader } from 'three/examples/jsm/loaders/OBJLoader.js';
import { PLYLoader } from 'three/examples/jsm/loaders/PLYLoader.js';
import { STLLoader } from 'three/examples/jsm/loaders/STLLoader.js';

/** Stands in for three's TextureLoader (which needs a DOM): records the URL, decodes nothing. */
class UrlOnlyTextureLoader extends Loader<Texture> {
  override load(url: string, onLoad?: (texture: Texture) => void): Texture {
    const texture = new Texture();
    texture.name = url;
    onLoad?.(texture);
    return texture;
  }
}

export interface ObjReadResult {
  /** The loaded scene: one child mesh per `o`/`g` group. */
  group: Object3D;
  meshes: Mesh[];
  /** The files named by `mtllib`. */
  materialLibraries: string[];
}

/**
 * Reads `dir/name` as OBJ the way a three.js app would, with its MTL library from the same folder;
 * texture maps are not decoded, their `Texture.name` is the file name the MTL gave.
 *
 * @example
 * const { meshes } = await readObj(dir, 'chair.obj');
 */
export async function readObj(dir: string, name: string): Promise<ObjReadResult> {
  const text = await readFile(join(dir, name), 'utf8');
  const materialLibraries = [...text.matchAll(/^mtllib (.+)$/gm)].map((m) => m[1].trim());
  const obj = new OBJLoader();
  for (const lib of materialLibraries) {
    const manager = new LoadingManager();
    manager.addHandler(/\.png$/i, new UrlOnlyTextureLoader(manager));
    const mtl = new MTLLoader(manager).parse(await readFile(join(dir, lib), 'utf8'), '');
    mtl.preload();
    obj.setMaterials(mtl);
  }
  const group = obj.parse(text);
  const meshes = group.children.filter((c): c is Mesh => (c as Mesh).isMesh);
  return { group, meshes, materialLibraries };
}

/** Parses PLY bytes with three's PLYLoader. */
export function readPly(bytes: Uint8Array): BufferGeometry {
  return new PLYLoader().parse(toArrayBuffer(bytes));
}

/** Parses STL bytes with three's STLLoader (one non-indexed geometry with facet normals). */
export function readStl(bytes: Uint8Array): BufferGeometry {
  return new STLLoader().parse(toArrayBuffer(bytes));
}

/** Bounds of a geometry or an object tree as plain arrays, for `assert.deepEqual`-style checks. */
export function boundsOf(target: BufferGeometry | Object3D): { min: number[]; max: number[] } {
  let box: Box3;
  if ('isBufferGeometry' in target) {
    target.computeBoundingBox();
    box = target.boundingBox!;
  } else {
    box = new Box3().setFromObject(target);
  }
  return { min: box.min.toArray(), max: box.max.toArray() };
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
