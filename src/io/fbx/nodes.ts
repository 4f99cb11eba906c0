/**
 * Small constructors for FBX records and for `Properties70` blocks, so the scene code reads like
 * the file it writes.
 */
import type { FbxNode, FbxProperty } from './binary.js';

/** A record with properties and children. */
export function node(name: string, props: FbxProperty[] = [], children: FbxNode[] = []): FbxNode {
  return { name, props, children };
}

export const int = (value: number): FbxProperty => ({ type: 'I', value });
export const long = (value: number): FbxProperty => ({ type: 'L', value });
export const double = (value: number): FbxProperty => ({ type: 'D', value });
export const str = (value: string | Uint8Array): FbxProperty => ({ type: 'S', value });
export const bool = (value: boolean): FbxProperty => ({ type: 'C', value });
export const raw = (value: Uint8Array): FbxProperty => ({ type: 'R', value });

/** Shorthand for the very common record holding one value, e.g. `Version: 232`. */
export const intNode = (name: string, value: number) => node(name, [int(value)]);
export const strNode = (name: string, value: string | Uint8Array) => node(name, [str(value)]);

/**
 * An object's name as FBX stores it: `name`, the bytes 0x00 0x01, then the class (`Model`,
 * `Material`…). Importers split on the separator, so names may hold any other UTF-8 text.
 */
export function nameClass(name: string, cls: string): Uint8Array {
  return Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from([0, 1]), Buffer.from(cls, 'utf8')]);
}

/**
 * Builds a `Properties70` block: one `P` record per property, each naming its type, a label and
 * flags ("A" for animatable) before the value(s), as FBX 7 expects.
 */
export class Properties70 {
  private readonly records: FbxNode[] = [];

  private p(name: string, type: string, label: string, flags: string, values: FbxProperty[]): this {
    this.records.push(node('P', [str(name), str(type), str(label), str(flags), ...values]));
    return this;
  }

  int(name: string, v: number): this {
    return this.p(name, 'int', 'Integer', '', [int(v)]);
  }
  bool(name: string, v: boolean): this {
    // FBX stores boolean properties as int32 even though it has a bool type.
    return this.p(name, 'bool', '', '', [int(v ? 1 : 0)]);
  }
  enum(name: string, v: number): this {
    return this.p(name, 'enum', '', '', [int(v)]);
  }
  double(name: string, v: number): this {
    return this.p(name, 'double', 'Number', '', [double(v)]);
  }
  /** An animatable number, e.g. material factors. */
  number(name: string, v: number): this {
    return this.p(name, 'Number', '', 'A', [double(v)]);
  }
  /** An animatable colour, e.g. material colours. */
  color(name: string, rgb: readonly number[]): this {
    return this.p(name, 'Color', '', 'A', rgb.slice(0, 3).map(double));
  }
  colorRgb(name: string, rgb: readonly number[]): this {
    return this.p(name, 'ColorRGB', 'Color', '', rgb.slice(0, 3).map(double));
  }
  vector3d(name: string, v: readonly number[]): this {
    return this.p(name, 'Vector3D', 'Vector', '', v.map(double));
  }
  /** `Lcl Translation`, `Lcl Rotation`, `Lcl Scaling`: the model's animatable transform. */
  lcl(name: 'Lcl Translation' | 'Lcl Rotation' | 'Lcl Scaling', v: readonly number[]): this {
    return this.p(name, name, '', 'A', v.map(double));
  }
  visibility(v: number): this {
    return this.p('Visibility', 'Visibility', '', 'A', [double(v)]);
  }
  string(name: string, v: string): this {
    return this.p(name, 'KString', '', '', [str(v)]);
  }
  url(name: string, v: string): this {
    return this.p(name, 'KString', 'Url', '', [str(v)]);
  }
  dateTime(name: string, v: string): this {
    return this.p(name, 'DateTime', '', '', [str(v)]);
  }
  time(name: string, v: number): this {
    return this.p(name, 'KTime', 'Time', '', [long(v)]);
  }
  object(name: string): this {
    return this.p(name, 'object', '', '', []);
  }
  compound(name: string): this {
    return this.p(name, 'Compound', '', '', []);
  }

  node(): FbxNode {
    return node('Properties70', [], this.records);
  }
}
