// A memo for pure parses of strings that repeat from request to request (a caller's credential
// scope, an SDK's signed-header list). Bounded: when full it starts over, so a client sending
// ever-new strings costs memory up to `capacity` entries and then only the parse it would pay anyway.

export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();
  // The last answer, checked first: one string comparison instead of hashing the key.
  private lastKey: string | undefined;
  private lastValue: V | undefined;

  constructor(
    private readonly compute: (key: string) => V,
    private readonly capacity = 256,
  ) {}

  /** compute(key), from memory when seen before; a compute that throws is not remembered. */
  get(key: string): V {
    if (key === this.lastKey) return this.lastValue!;
    let value = this.entries.get(key);
    if (value === undefined) {
      value = this.compute(key);
      if (this.entries.size >= this.capacity) this.entries.clear();
      this.entries.set(key, value);
    }
    this.lastKey = key;
    this.lastValue = value;
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
