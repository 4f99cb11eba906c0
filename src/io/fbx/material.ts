/**
 * Materials, textures and images as FBX `Material`, `Texture` and `Video` objects. FBX has no
 * metallic-roughness model; we write the Phong properties the way Blender's exporter does, because
 * Blender's importer inverts exactly those formulas back to Principled BSDF values and Assimp maps
 * the same properties to its diffuse/specular/shininess/reflectivity/opacity keys.
 */
import type { Material, Texture } from '../../asset/asset.js';
import type { FbxNode } from './binary.js';
import { FBX_UV_SET } from './geometry.js';
import { int, intNode, long, nameClass, node, Properties70, raw, str, strNode } from './nodes.js';

function clamp01(x: number): number {
  return x > 0 ? Math.min(x, 1) : 0;
}

/** Roughness 0–1 to an FBX shininess exponent 0–100, Blender's empirical mapping (and its inverse on import). */
export function roughnessToShininess(roughness: number): number {
  const s = (1 - clamp01(roughness)) * 10;
  return s * s;
}

/**
 * The `Material` record. Colours stay linear (Blender writes its linear base colour as
 * `DiffuseColor`). Metallic goes to `ReflectionFactor` and roughness to `Shininess`, which Blender
 * reads back as metallic and roughness; alpha goes to `Opacity` and `TransparencyFactor`.
 *
 * @example
 * const record = materialRecord(3001, part.material);
 */
export function materialRecord(id: number, material: Material): FbxNode {
  const [r, g, b, a] = material.baseColor.map(clamp01);
  const metallic = clamp01(material.metallic);
  const shininess = roughnessToShininess(material.roughness);
  // Dielectrics reflect white at ~4 % (SpecularFactor 0.25 = Principled "specular" 0.5), metals
  // reflect their own colour: the usual PBR-to-Phong blend.
  const specular = [1 + (r - 1) * metallic, 1 + (g - 1) * metallic, 1 + (b - 1) * metallic];
  const emissive = (material.emissive ?? [0, 0, 0]).map(clamp01);
  const props = new Properties70()
    .string('ShadingModel', 'Phong')
    .color('DiffuseColor', [r, g, b])
    .number('DiffuseFactor', 1)
    .color('EmissiveColor', emissive)
    .number('EmissiveFactor', 1)
    .color('AmbientColor', [0, 0, 0])
    .number('AmbientFactor', 0)
    // Unity's rule, which Blender follows: alpha = 1 − TransparencyFactor, else 1 − TransparentColor.r.
    .color('TransparentColor', a < 1e-5 || a > 1 - 1e-5 ? [1 - a, 1 - a, 1 - a] : [r, g, b])
    .number('TransparencyFactor', 1 - a)
    .number('Opacity', a)
    .vector3d('NormalMap', [0, 0, 0])
    .double('BumpFactor', 1)
    .color('SpecularColor', specular)
    .number('SpecularFactor', 0.25)
    .number('Shininess', shininess)
    .number('ShininessExponent', shininess)
    .color('ReflectionColor', [r, g, b])
    .number('ReflectionFactor', metallic);
  return node(
    'Material',
    [long(id), str(nameClass(material.name, 'Material')), str('')],
    [intNode('Version', 102), strNode('ShadingModel', 'phong'), intNode('MultiLayer', 0), props.node()],
  );
}

/**
 * The `Texture` record: how a material samples an image (first UV set, repeat wrapping). It names
 * its image by `RelativeFilename`, which importers resolve beside the FBX file when the image is
 * not embedded.
 */
export function textureRecord(id: number, texture: Texture, fileName: string): FbxNode {
  const props = new Properties70()
    .enum('AlphaSource', 2)
    .bool('PremultiplyAlpha', false)
    .enum('CurrentMappingType', 0)
    .string('UVSet', FBX_UV_SET)
    .enum('WrapModeU', 0)
    .enum('WrapModeV', 0)
    .bool('UseMaterial', true)
    .bool('UseMipMap', false);
  return node(
    'Texture',
    [long(id), str(nameClass(texture.name, 'Texture')), str('')],
    [
      strNode('Type', 'TextureVideoClip'),
      intNode('Version', 202),
      strNode('TextureName', nameClass(texture.name, 'Texture')),
      props.node(),
      strNode('Media', nameClass(texture.name, 'Video')),
      strNode('FileName', fileName),
      strNode('RelativeFilename', fileName),
      node('ModelUVTranslation', [
        { type: 'D', value: 0 },
        { type: 'D', value: 0 },
      ]),
      node('ModelUVScaling', [
        { type: 'D', value: 1 },
        { type: 'D', value: 1 },
      ]),
      strNode('Texture_Alpha_Source', 'None'),
      node('Cropping', [int(0), int(0), int(0), int(0)]),
    ],
  );
}

/**
 * The `Video` record: the image itself. With `embed`, the PNG bytes go in `Content` and the file
 * is self-contained; without, importers load `fileName` from beside the FBX.
 */
export function videoRecord(id: number, texture: Texture, fileName: string, embed: boolean): FbxNode {
  const props = new Properties70()
    .url('Path', fileName)
    .int('Width', texture.width)
    .int('Height', texture.height);
  const children = [
    strNode('Type', 'Clip'),
    props.node(),
    intNode('UseMipMap', 0),
    strNode('Filename', fileName),
    strNode('RelativeFilename', fileName),
  ];
  if (embed) children.push(node('Content', [raw(texture.data)]));
  return node('Video', [long(id), str(nameClass(texture.name, 'Video')), str('Clip')], children);
}
