export function memlog(stage: string): void {
  if (!process.env.MEMLOG) return;
  if (globalThis.gc) globalThis.gc();
  const m = process.memoryUsage();
  const mb = (n: number) => (n / 1048576).toFixed(0);
  process.stderr.write(
    `[mem] ${stage}: rss ${mb(m.rss)} heap ${mb(m.heapUsed)} ext ${mb(m.external)} ab ${mb(m.arrayBuffers)}\n`,
  );
}
