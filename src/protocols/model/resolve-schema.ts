// Builds a Schema by walking the newest model's shape and, in step, the documented model's shape
// at the same member path: structure and types from the newest, constraints from the documented.
// Members the documented model lacks simply get no constraints.

import type { RawShape } from './raw-model.js';
import type { Schema, StructureSchema } from './schema.js';
import { translatePattern } from './translate-pattern.js';

type Shapes = Readonly<Record<string, RawShape>>;

export class SchemaResolver {
  // Keyed by (newest shape object, documented shape name) so recursive shapes resolve to the
  // same (cyclic) Schema object instead of recursing forever.
  private readonly memo = new Map<RawShape, Map<string, Schema>>();

  constructor(
    private readonly newest: Shapes,
    private readonly documented: Shapes,
  ) {}

  resolve(def: RawShape, docDef: RawShape | undefined): Schema {
    const shape = def.shape ? this.newest[def.shape] ?? {} : def;
    const docName = docDef?.shape ?? '';
    const doc = docDef?.shape ? this.documented[docDef.shape] : docDef;
    const byDoc = this.memo.get(shape) ?? new Map<string, Schema>();
    this.memo.set(shape, byDoc);
    const known = byDoc.get(docName);
    if (known) return known;
    const built = this.build(shape, doc, (s) => byDoc.set(docName, s));
    byDoc.set(docName, built);
    return built;
  }

  private build(shape: RawShape, doc: RawShape | undefined, remember: (s: Schema) => unknown): Schema {
    const type = shape.type ?? 'string';
    const docOk = doc && (doc.type ?? 'string') === type ? doc : undefined;
    const limits = { min: docOk?.min, max: docOk?.max };
    switch (type) {
      case 'structure':
        return this.structure(shape, docOk, remember);
      case 'list':
        return {
          kind: 'list',
          member: this.resolve(shape.member ?? {}, docOk?.member),
          ...limits,
          memberName: shape.member?.locationName ?? 'member',
          flattened: shape.flattened === true,
        };
      case 'map':
        return {
          kind: 'map',
          key: this.resolve(shape.key ?? {}, docOk?.key),
          value: this.resolve(shape.value ?? {}, docOk?.value),
          ...limits,
        };
      case 'integer':
      case 'long':
      case 'float':
      case 'double':
        return { kind: type, ...limits };
      case 'boolean':
      case 'timestamp':
      case 'blob':
        return { kind: type };
      default:
        return this.string(shape, docOk, limits);
    }
  }

  private string(shape: RawShape, doc: RawShape | undefined, limits: { min?: number; max?: number }): Schema {
    const pattern = doc?.pattern ? translatePattern(doc.pattern) : undefined;
    return {
      kind: 'string',
      ...limits,
      ...(pattern ? { pattern, patternSource: doc?.pattern } : {}),
      ...(doc?.enum ? { enum: doc.enum } : {}),
      sensitive: shape.sensitive === true || doc?.sensitive === true,
    };
  }

  private structure(shape: RawShape, doc: RawShape | undefined, remember: (s: Schema) => unknown): Schema {
    if (shape.document) return { kind: 'document' };
    const members: Record<string, Schema> = {};
    const schema: StructureSchema = {
      kind: 'structure',
      members,
      required: shape.required ?? [],
      union: shape.union === true,
    };
    remember(schema);
    for (const [name, def] of Object.entries(shape.members ?? {})) {
      members[name] = this.resolve(def, doc?.members?.[name]);
    }
    return schema;
  }
}
