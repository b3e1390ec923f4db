// Wall-clock measurements for the benchmark: each step runs a few times and
// the median counts, so one slow run (the machine doing something else) does
// not decide the figure.
export interface Timing {
  readonly medianMs: number;
  readonly runsMs: readonly number[];
}

export async function measure(runs: number, step: () => unknown): Promise<Timing> {
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await step();
    runsMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { medianMs, runsMs };
}

export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** One timed run that also hands back what the step made. */
export async function measureOnce<T>(step: () => T | Promise<T>): Promise<{ readonly timing: Timing; readonly value: T }> {
  const started = process.hrtime.bigint();
  const value = await step();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { timing: { medianMs: ms, runsMs: [ms] }, value };
}
