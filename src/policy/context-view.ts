// Case-insensitive access to a request's context. Condition keys are not case-sensitive in
// IAM; most policies spell keys the way requests do, so an exact hit is tried first and the
// lower-cased index is built only when needed, once per request.

import type { ContextValue } from './request.js';

export class ContextView {
  private lower: Map<string, ContextValue> | undefined;
  private lookupFn: ((key: string) => string | undefined) | undefined;

  constructor(private readonly context: Readonly<Record<string, ContextValue>>) {}

  /** The raw value for `key` in any letter case, or undefined. */
  raw(key: string): ContextValue | undefined {
    const ctx = this.context;
    if (Object.hasOwn(ctx, key)) return ctx[key];
    if (this.lower === undefined) this.lower = buildLower(ctx);
    return this.lower.get(key.toLowerCase());
  }

  /** Whether the request supplies `key` at all (an empty list counts as supplied). */
  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  /** The values of `key`; undefined when absent or an empty list (AWS treats both as no value). */
  values(key: string): readonly string[] | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v === 'string') return [v];
    return v.length === 0 ? undefined : v;
  }

  /** `single` as a function value, made once per request and only when a variable needs it. */
  get lookup(): (key: string) => string | undefined {
    return (this.lookupFn ??= (key) => this.single(key));
  }

  /** The value of `key` for a policy variable: only a single value resolves. */
  single(key: string): string | undefined {
    const v = this.raw(key);
    if (typeof v === 'string') return v;
    return v !== undefined && v.length === 1 ? v[0] : undefined;
  }
}

function buildLower(ctx: Readonly<Record<string, ContextValue>>): Map<string, ContextValue> {
  const map = new Map<string, ContextValue>();
  for (const key of Object.keys(ctx)) {
    const lk = key.toLowerCase();
    if (!map.has(lk)) map.set(lk, ctx[key]!);
  }
  return map;
}
