// Small numeric helpers and a plain-text table printer for the benchmark report.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the values at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

/** Rounded for reading: 3 significant figures below 100, whole numbers above. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(digits));
}

export function ratio(a: number, b: number): number {
  return b === 0 ? NaN : round(a / b);
}

export const hr = () => Number(process.hrtime.bigint()) / 1e6; // milliseconds, monotonic

export interface Column {
  key: string;
  title: string;
  align?: 'left' | 'right';
}

/** Prints rows as an aligned text table under a title. */
export function table(title: string, columns: Column[], rows: Record<string, unknown>[]): string {
  const text = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'number' ? String(round(value)) : String(value));
  const widths = columns.map((c) => Math.max(c.title.length, ...rows.map((r) => text(r[c.key]).length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => ((columns[i]!.align ?? (i === 0 ? 'left' : 'right')) === 'left' ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [
    '',
    `== ${title}`,
    line(columns.map((c) => c.title)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(columns.map((c) => text(r[c.key])))),
  ].join('\n');
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
