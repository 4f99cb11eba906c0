/**
 * Lays an asset out as FBX objects and connections: per part a `Model` (type Mesh) with its own
 * `Geometry` and a `Material`; parts that belong to an object hang under a `Null` model of that
 * name; textures become `Texture` + `Video` pairs wired to the material's `DiffuseColor`.
 */
import type { Asset, Material, Texture } from '../../asset/asset.js';
import type { SidecarFile } from '../format.js';
import type { FbxNode } from './binary.js';
import { geometryRecord } from './geometry.js';
import {
  definitionsRecord,
  documentRecords,
  globalSettingsRecord,
  headerRecords,
  type ObjectCounts,
  takesRecord,
} from './header.js';
import { materialRecord, textureRecord, videoRecord } from './material.js';
import { intNode, long, nameClass, node, Properties70, str, strNode } from './nodes.js';

export interface FbxSceneOptions {
  /** The file's name without extension; texture files beside it are named after it. */
  baseName: string;
  /** Embed PNGs in the file (`Video` `Content`), or reference files returned as sidecars. */
  textures: 'embed' | 'beside';
  /** Written as the file's creator, e.g. "dream-cad 0.1.0". */
  creator: string;
}

export interface FbxScene {
  records: FbxNode[];
  /** Texture PNGs to write beside the file (empty when textures are embedded). */
  sidecars: SidecarFile[];
}

type Connection = [kind: 'OO' | 'OP', child: number, parent: number, property?: string];

/** A file-name-safe rendering of `name`: ASCII letters, digits, `.`, `-` and `_` only. */
function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'texture';
}

function modelRecord(id: number, name: string, type: 'Mesh' | 'Null'): FbxNode {
  const props = new Properties70()
    .lcl('Lcl Translation', [0, 0, 0])
    .lcl('Lcl Rotation', [0, 0, 0])
    .lcl('Lcl Scaling', [1, 1, 1])
    .int('DefaultAttributeIndex', 0)
    .enum('InheritType', 1);
  return node(
    'Model',
    [long(id), str(nameClass(name, 'Model')), str(type)],
    [
      intNode('Version', 232),
      props.node(),
      intNode('MultiLayer', 0),
      intNode('MultiTake', 0),
      node('Shading', [{ type: 'C', value: true }]),
      strNode('Culling', 'CullingOff'),
    ],
  );
}

function nullAttributeRecord(id: number, name: string): FbxNode {
  return node(
    'NodeAttribute',
    [long(id), str(nameClass(name, 'NodeAttribute')), str('Null')],
    [strNode('TypeFlags', 'Null')],
  );
}

/** Identity of a material for sharing: equal properties and the same texture object. */
function materialKey(material: Material, textureIndex: number): string {
  const { name, baseColor, metallic, roughness, emissive, doubleSided } = material;
  return JSON.stringify([name, baseColor, metallic, roughness, emissive, doubleSided ?? false, textureIndex]);
}

/**
 * Builds every record of the file, in the order FBX files list them. Ids are assigned in order
 * from 1000, so the same asset always gives the same file.
 *
 * @example
 * const { records, sidecars } = buildFbxScene(asset, { baseName: 'chair', textures: 'embed', creator: 'me' });
 * const bytes = await encodeFbx(records);
 */
export function buildFbxScene(asset: Asset, options: FbxSceneOptions): FbxScene {
  let nextId = 1000;
  const newId = () => nextId++;
  const documentId = newId();

  const models: FbxNode[] = [];
  const attributes: FbxNode[] = [];
  const geometries: FbxNode[] = [];
  const materials: FbxNode[] = [];
  const textures: FbxNode[] = [];
  const videos: FbxNode[] = [];
  const connections: Connection[] = [];
  const sidecars: SidecarFile[] = [];

  const groups = new Map<string, number>();
  const materialIds = new Map<string, number>();
  const textureIds = new Map<Texture, { texture: number; video: number }>();
  const fileNames = new Set<string>();

  const textureFor = (texture: Texture) => {
    let ids = textureIds.get(texture);
    if (ids) return ids;
    ids = { texture: newId(), video: newId() };
    textureIds.set(texture, ids);
    let fileName = `${safeFileName(options.baseName)}_${safeFileName(texture.name)}.png`;
    for (let i = 2; fileNames.has(fileName); i++) fileName = fileName.replace(/(_\d+)?\.png$/, `_${i}.png`);
    fileNames.add(fileName);
    const embed = options.textures === 'embed';
    textures.push(textureRecord(ids.texture, texture, fileName));
    videos.push(videoRecord(ids.video, texture, fileName, embed));
    connections.push(['OO', ids.video, ids.texture]);
    if (!embed) sidecars.push({ name: fileName, data: texture.data });
    return ids;
  };

  const materialFor = (material: Material) => {
    const tex = material.baseColorTexture ? textureFor(material.baseColorTexture) : undefined;
    const key = materialKey(material, tex?.texture ?? -1);
    let id = materialIds.get(key);
    if (id !== undefined) return id;
    id = newId();
    materialIds.set(key, id);
    materials.push(materialRecord(id, material));
    if (tex) connections.push(['OP', tex.texture, id, 'DiffuseColor']);
    return id;
  };

  for (const part of asset.parts) {
    let parent = 0;
    if (part.object) {
      let groupId = groups.get(part.object);
      if (groupId === undefined) {
        groupId = newId();
        const attributeId = newId();
        groups.set(part.object, groupId);
        models.push(modelRecord(groupId, part.object, 'Null'));
        attributes.push(nullAttributeRecord(attributeId, part.object));
        connections.push(['OO', groupId, 0], ['OO', attributeId, groupId]);
      }
      parent = groupId;
    }
    const modelId = newId();
    const geometryId = newId();
    models.push(modelRecord(modelId, part.name, 'Mesh'));
    geometries.push(geometryRecord(geometryId, part.name, part.mesh));
    connections.push(['OO', modelId, parent], ['OO', geometryId, modelId]);
    connections.push(['OO', materialFor(part.material), modelId]);
  }

  const counts: ObjectCounts = {
    Model: models.length,
    NodeAttribute: attributes.length,
    Geometry: geometries.length,
    Material: materials.length,
    Texture: textures.length,
    Video: videos.length,
  };
  const { prompt, ...rest } = asset.metadata;
  const records: FbxNode[] = [
    ...headerRecords({
      creator: options.creator,
      fileName: `${options.baseName}.fbx`,
      title: typeof prompt === 'string' ? prompt : '',
      comment: JSON.stringify(rest),
    }),
    globalSettingsRecord(),
    ...documentRecords(documentId, 'Scene'),
    definitionsRecord(counts),
    node('Objects', [], [...attributes, ...geometries, ...models, ...materials, ...textures, ...videos]),
    node(
      'Connections',
      [],
      connections.map(([kind, child, parent, property]) =>
        node('C', [str(kind), long(child), long(parent), ...(property ? [str(property)] : [])]),
      ),
    ),
    takesRecord(),
  ];
  return { records, sidecars };
}
