/**
 * The boilerplate records every FBX 7.4 file carries around its objects: header extension, file
 * id, global settings (axes and units), documents, object templates and takes. Values follow what
 * Blender's exporter writes, because that is the combination Autodesk's SDK, Blender and Assimp are
 * all known to read.
 */
import type { FbxNode } from './binary.js';
import { FBX_CREATION_TIME, FBX_FILE_ID } from './binary.js';
import { intNode, long, nameClass, node, Properties70, raw, str, strNode } from './nodes.js';

/** FBX's time unit: ticks per second. */
const KTIME_PER_SECOND = 46186158000;

export interface FbxHeaderOptions {
  /** Written as `Creator`, e.g. "dream-cad 0.1.0". */
  creator: string;
  /** The file's own name, for the informational `DocumentUrl`. */
  fileName: string;
  /** Title and comment in the scene info; any text. */
  title?: string;
  comment?: string;
}

/** `FBXHeaderExtension`, `FileId`, `CreationTime`, `Creator`. Timestamps are fixed for reproducibility. */
export function headerRecords(options: FbxHeaderOptions): FbxNode[] {
  const timestamp = node(
    'CreationTimeStamp',
    [],
    [
      intNode('Version', 1000),
      intNode('Year', 1970),
      intNode('Month', 1),
      intNode('Day', 1),
      intNode('Hour', 10),
      intNode('Minute', 0),
      intNode('Second', 0),
      intNode('Millisecond', 0),
    ],
  );
  const app = (p: Properties70, prefix: string) =>
    p
      .compound(prefix)
      .string(`${prefix}|ApplicationVendor`, 'Dream-CAD')
      .string(`${prefix}|ApplicationName`, 'dream-cad')
      .string(`${prefix}|ApplicationVersion`, options.creator.replace(/^\S+\s*/, ''))
      .dateTime(`${prefix}|DateTime_GMT`, '01/01/1970 10:00:00.000');
  const sceneProps = new Properties70()
    .url('DocumentUrl', options.fileName)
    .url('SrcDocumentUrl', options.fileName);
  app(sceneProps, 'Original').string('Original|FileName', options.fileName);
  app(sceneProps, 'LastSaved');
  const sceneInfo = node(
    'SceneInfo',
    [str(nameClass('GlobalInfo', 'SceneInfo')), str('UserData')],
    [
      strNode('Type', 'UserData'),
      intNode('Version', 100),
      node(
        'MetaData',
        [],
        [
          intNode('Version', 100),
          strNode('Title', options.title ?? ''),
          strNode('Subject', ''),
          strNode('Author', ''),
          strNode('Keywords', ''),
          strNode('Revision', ''),
          strNode('Comment', options.comment ?? ''),
        ],
      ),
      sceneProps.node(),
    ],
  );
  return [
    node(
      'FBXHeaderExtension',
      [],
      [
        intNode('FBXHeaderVersion', 1003),
        intNode('FBXVersion', 7400),
        intNode('EncryptionType', 0),
        timestamp,
        strNode('Creator', options.creator),
        sceneInfo,
      ],
    ),
    node('FileId', [raw(FBX_FILE_ID)]),
    strNode('CreationTime', FBX_CREATION_TIME),
    strNode('Creator', options.creator),
  ];
}

/**
 * `GlobalSettings`: Y up, Z front, X right (right-handed, as glTF and our assets are), and one unit
 * = 100 cm, so coordinates are written in metres unchanged and importers scale them correctly.
 */
export function globalSettingsRecord(): FbxNode {
  const props = new Properties70()
    .int('UpAxis', 1)
    .int('UpAxisSign', 1)
    .int('FrontAxis', 2)
    .int('FrontAxisSign', 1)
    .int('CoordAxis', 0)
    .int('CoordAxisSign', 1)
    .int('OriginalUpAxis', 1)
    .int('OriginalUpAxisSign', 1)
    .double('UnitScaleFactor', 100)
    .double('OriginalUnitScaleFactor', 100)
    .colorRgb('AmbientColor', [0, 0, 0])
    .string('DefaultCamera', 'Producer Perspective')
    .enum('TimeMode', 11) // 24 fps
    .time('TimeSpanStart', 0)
    .time('TimeSpanStop', KTIME_PER_SECOND)
    .double('CustomFrameRate', 24);
  return node('GlobalSettings', [], [intNode('Version', 1000), props.node()]);
}

/** `Documents` (one scene whose root node is id 0) and the empty `References`. */
export function documentRecords(documentId: number, name: string): FbxNode[] {
  const props = new Properties70().object('SourceObject').string('ActiveAnimStackName', '');
  return [
    node(
      'Documents',
      [],
      [
        intNode('Count', 1),
        node(
          'Document',
          [long(documentId), str(name), str(name)],
          [props.node(), node('RootNode', [long(0)])],
        ),
      ],
    ),
    node('References'),
  ];
}

/** `Takes`: no animation, but importers expect the record. */
export function takesRecord(): FbxNode {
  return node('Takes', [], [strNode('Current', '')]);
}

/** How many objects of each FBX class the file holds, for `Definitions`. */
export interface ObjectCounts {
  Model: number;
  NodeAttribute: number;
  Geometry: number;
  Material: number;
  Texture: number;
  Video: number;
}

/**
 * `Definitions`: per object class, its count and a property template holding the defaults that
 * objects then only override. Importers fall back to these when an object omits a property.
 */
export function definitionsRecord(counts: ObjectCounts): FbxNode {
  const templates: FbxNode[] = [node('ObjectType', [str('GlobalSettings')], [intNode('Count', 1)])];
  const add = (type: keyof ObjectCounts, templateName: string, props: Properties70) => {
    if (counts[type] === 0) return;
    templates.push(
      node(
        'ObjectType',
        [str(type)],
        [intNode('Count', counts[type]), node('PropertyTemplate', [str(templateName)], [props.node()])],
      ),
    );
  };
  add(
    'Model',
    'FbxNode',
    new Properties70()
      .enum('QuaternionInterpolate', 0)
      .vector3d('RotationOffset', [0, 0, 0])
      .vector3d('RotationPivot', [0, 0, 0])
      .vector3d('ScalingOffset', [0, 0, 0])
      .vector3d('ScalingPivot', [0, 0, 0])
      .enum('RotationOrder', 0)
      .vector3d('PreRotation', [0, 0, 0])
      .vector3d('PostRotation', [0, 0, 0])
      .bool('RotationActive', false)
      .enum('InheritType', 0)
      .vector3d('GeometricTranslation', [0, 0, 0])
      .vector3d('GeometricRotation', [0, 0, 0])
      .vector3d('GeometricScaling', [1, 1, 1])
      .bool('Show', true)
      .int('DefaultAttributeIndex', -1)
      .lcl('Lcl Translation', [0, 0, 0])
      .lcl('Lcl Rotation', [0, 0, 0])
      .lcl('Lcl Scaling', [1, 1, 1])
      .visibility(1),
  );
  add(
    'NodeAttribute',
    'FbxNull',
    new Properties70().colorRgb('Color', [0.8, 0.8, 0.8]).double('Size', 100).enum('Look', 1),
  );
  add(
    'Geometry',
    'FbxMesh',
    new Properties70()
      .colorRgb('Color', [0.8, 0.8, 0.8])
      .vector3d('BBoxMin', [0, 0, 0])
      .vector3d('BBoxMax', [0, 0, 0])
      .bool('Primary Visibility', true)
      .bool('Casts Shadows', true)
      .bool('Receive Shadows', true),
  );
  add(
    'Material',
    'FbxSurfacePhong',
    new Properties70()
      .string('ShadingModel', 'Phong')
      .bool('MultiLayer', false)
      .color('EmissiveColor', [0, 0, 0])
      .number('EmissiveFactor', 1)
      .color('AmbientColor', [0.2, 0.2, 0.2])
      .number('AmbientFactor', 1)
      .color('DiffuseColor', [0.8, 0.8, 0.8])
      .number('DiffuseFactor', 1)
      .color('TransparentColor', [0, 0, 0])
      .number('TransparencyFactor', 0)
      .number('Opacity', 1)
      .double('BumpFactor', 1)
      .color('SpecularColor', [0.2, 0.2, 0.2])
      .number('SpecularFactor', 1)
      .number('Shininess', 20)
      .number('ShininessExponent', 20)
      .color('ReflectionColor', [0, 0, 0])
      .number('ReflectionFactor', 1),
  );
  add(
    'Texture',
    'FbxFileTexture',
    new Properties70()
      .enum('TextureTypeUse', 0)
      .enum('AlphaSource', 2)
      .double('Texture alpha', 1)
      .bool('PremultiplyAlpha', true)
      .enum('CurrentTextureBlendMode', 1)
      .enum('CurrentMappingType', 0)
      .string('UVSet', 'default')
      .enum('WrapModeU', 0)
      .enum('WrapModeV', 0)
      .bool('UVSwap', false)
      .vector3d('Translation', [0, 0, 0])
      .vector3d('Rotation', [0, 0, 0])
      .vector3d('Scaling', [1, 1, 1])
      .bool('UseMaterial', false)
      .bool('UseMipMap', false),
  );
  add(
    'Video',
    'FbxVideo',
    new Properties70()
      .int('Width', 0)
      .int('Height', 0)
      .url('Path', '')
      .enum('AccessMode', 0)
      .bool('ImageSequence', false),
  );
  const total = 1 + Object.values(counts).reduce((a, b) => a + b, 0);
  return node('Definitions', [], [intNode('Version', 100), intNode('Count', total), ...templates]);
}
