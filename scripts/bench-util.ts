import { performance } from 'node:perf_hooks';

export const WARMUP = 200;
export const RUNS = Number(process.env.BENCH_RUNS ?? 2000);

export interface Timing {
  readonly p50: number;
  readonly p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `fn` after a warm-up and returns its median and 95th percentile in milliseconds. */
export async function measure(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<Timing> {
  for (let i = 0; i < Math.min(WARMUP, runs); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const fmt = (n: number) => n.toFixed(3).padStart(9);

/** One line of a table: the figure and its ratio to the raw floor measured in the same run. */
export function line(name: string, m: Timing, floor: Timing): void {
  console.log(`${name.padEnd(44)} ${fmt(m.p50)} ${fmt(m.p95)} ${(m.p50 / floor.p50).toFixed(2).padStart(9)}x ${(m.p95 / floor.p95).toFixed(2).padStart(9)}x`);
}

export const header = () =>
  console.log(`${'figure'.padEnd(44)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'ratio p50'.padStart(10)} ${'ratio p95'.padStart(10)}`);

export function verdict(name: string, ok: boolean, value: string): void {
  console.log(`${ok ? 'PASS' : 'MISS'}  ${name}: ${value}`);
}

/** The benches time calls, so no backup runs by itself meanwhile (at start, hourly): it would take the cores the figures are read on. */
export const MANUAL = { backupSchedule: 'manual' } as const;
