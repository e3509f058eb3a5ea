// A resolved input/output shape: the newest model's structure with the documented model's
// constraints folded in. Immutable data with a `kind` tag, so the validator is a plain switch.

export type Schema =
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | TimestampSchema
  | BlobSchema
  | StructureSchema
  | ListSchema
  | MapSchema
  | DocumentSchema;

export interface StringSchema {
  readonly kind: 'string';
  readonly min?: number;
  readonly max?: number;
  /** Compiled with the `u` flag and anchored; absent when the model's regex had no JS form. */
  readonly pattern?: RegExp;
  /** The pattern as the model writes it, for the error message. */
  readonly patternSource?: string;
  readonly enum?: readonly string[];
  readonly sensitive: boolean;
}

export interface NumberSchema {
  readonly kind: 'integer' | 'long' | 'float' | 'double';
  readonly min?: number;
  readonly max?: number;
}

export interface BooleanSchema {
  readonly kind: 'boolean';
}

export interface TimestampSchema {
  readonly kind: 'timestamp';
}

export interface BlobSchema {
  readonly kind: 'blob';
}

export interface DocumentSchema {
  readonly kind: 'document';
}

export interface StructureSchema {
  readonly kind: 'structure';
  /** Filled after creation so recursive shapes can refer to themselves. */
  readonly members: Readonly<Record<string, Schema>>;
  readonly required: readonly string[];
  /** Exactly one member must be set. */
  readonly union: boolean;
}

export interface ListSchema {
  readonly kind: 'list';
  readonly member: Schema;
  readonly min?: number;
  readonly max?: number;
  /** The query protocol's element name (`member` unless the model says otherwise). */
  readonly memberName: string;
  readonly flattened: boolean;
}

export interface MapSchema {
  readonly kind: 'map';
  readonly key: Schema;
  readonly value: Schema;
  readonly min?: number;
  readonly max?: number;
}
