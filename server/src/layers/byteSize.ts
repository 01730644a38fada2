// Byte sizes as people and tools write them. Output uses SI units like `docker images` and dive
// ("1.2 MB" = 1,200,000 bytes). Input accepts what dive's `.dive-ci` accepts (go-humanize's
// ParseBytes): "20MB", "20 mb", "1.5GiB", "512k", "100" (bytes).

const siUnits = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1000 && unit < siUnits.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${sign}${value.toFixed(digits)} ${siUnits[unit]}`;
}

const multipliers: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  ki: 1024,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gi: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1e12,
  tb: 1e12,
  ti: 1024 ** 4,
  tib: 1024 ** 4,
  p: 1e15,
  pb: 1e15,
  pi: 1024 ** 5,
  pib: 1024 ** 5,
};

/** Bytes for "20MB"-style text, or undefined when it is not a size. */
export function parseBytes(text: string): number | undefined {
  const match = /^\s*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*([a-zA-Z]*)\s*$/.exec(text.replace(/,/g, ''));
  if (!match) return undefined;
  const multiplier = multipliers[match[2].toLowerCase()];
  if (multiplier === undefined) return undefined;
  return Math.round(Number(match[1]) * multiplier);
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '∞ %';
  return `${(fraction * 100).toFixed(fraction >= 0.1 || fraction === 0 ? 1 : 2)} %`;
}
