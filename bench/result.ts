// What every benchmark reports: a figure, and where it has one, its ratio against a baseline or
// a peer measured in the same run (never an absolute time compared with a fixed number).

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly ratio?: { readonly against: string; readonly value: number; readonly goal?: string };
}

/** Runs `fn` for about `ms` milliseconds after a warm-up; returns operations per second. */
export const opsPerSecond = (fn: () => void, ms = 1000, batch = 1000): number => {
  for (let i = 0; i < batch; i++) fn();
  let ops = 0;
  const start = process.hrtime.bigint();
  const limit = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < limit) {
    for (let i = 0; i < batch; i++) fn();
    ops += batch;
    now = process.hrtime.bigint();
  }
  return ops / (Number(now - start) / 1e9);
};

export const formatResults = (results: readonly BenchResult[]): string =>
  results
    .map((r) => {
      const value = `${r.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${r.unit}`;
      const ratio = r.ratio
        ? `  ${r.ratio.value.toFixed(2)}x against ${r.ratio.against}${r.ratio.goal ? ` (goal: ${r.ratio.goal})` : ''}`
        : '';
      return `${r.name.padEnd(58)} ${value.padStart(24)}${ratio}`;
    })
    .join('\n');

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
