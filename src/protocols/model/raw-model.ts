// The JSON forms of the two AWS model files we read: the newest (minified: inline shapes and
// `S..` references, no constraints) and the documented-2022 one (named shapes with constraints).

export interface RawShape {
  readonly type?: string;
  readonly shape?: string;
  readonly members?: Readonly<Record<string, RawShape>>;
  readonly required?: readonly string[];
  readonly member?: RawShape;
  readonly key?: RawShape;
  readonly value?: RawShape;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly sensitive?: boolean;
  readonly union?: boolean;
  readonly document?: boolean;
  readonly flattened?: boolean;
  readonly locationName?: string;
  readonly resultWrapper?: string;
  readonly exception?: boolean;
  readonly error?: { readonly code?: string; readonly httpStatusCode?: number; readonly senderFault?: boolean };
}

export interface RawOperation {
  readonly input?: RawShape;
  readonly output?: RawShape;
  readonly errors?: readonly RawShape[];
}

export interface RawModel {
  readonly metadata: Readonly<Record<string, unknown>> & {
    readonly protocol: string;
    readonly endpointPrefix: string;
    readonly signingName?: string;
    readonly targetPrefix?: string;
    readonly xmlNamespace?: string;
    readonly apiVersion: string;
  };
  readonly operations: Readonly<Record<string, RawOperation>>;
  readonly shapes?: Readonly<Record<string, RawShape>>;
}
