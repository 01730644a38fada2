// Go's time.ParseDuration, which HEALTHCHECK's --interval, --timeout, --start-period and
// --start-interval go through: "1h30m", "1.5s", "300ms", "2us", "0".

const UNIT_NANOSECONDS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Nanoseconds, or an error message. */
export function parseGoDuration(text: string): number | { error: string } {
  let i = 0;
  let sign = 1;
  if (text[i] === '-' || text[i] === '+') {
    if (text[i] === '-') sign = -1;
    i++;
  }
  if (text.slice(i) === '0') return 0;
  if (i >= text.length) return { error: `invalid duration "${text}"` };
  let total = 0;
  while (i < text.length) {
    const numberStart = i;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    let fraction = '';
    if (text[i] === '.') {
      i++;
      const fractionStart = i;
      while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
      fraction = text.slice(fractionStart, i);
    }
    const whole = text.slice(numberStart, fraction ? text.indexOf('.', numberStart) : i);
    if (whole === '' && fraction === '') return { error: `invalid duration "${text}"` };
    const unitStart = i;
    while (i < text.length && !(text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) && text[i] !== '.') i++;
    const unit = text.slice(unitStart, i);
    if (unit === '') return { error: `missing unit in duration "${text}": use ns, us, ms, s, m or h` };
    const scale = UNIT_NANOSECONDS[unit];
    if (scale === undefined) return { error: `unknown unit "${unit}" in duration "${text}": use ns, us, ms, s, m or h` };
    total += Number(whole || '0') * scale + (fraction ? Math.round(Number(`0.${fraction}`) * scale) : 0);
  }
  return sign * total;
}

/** Formats nanoseconds the way Go prints a time.Duration ("1m30s", "500ms"). */
export function formatGoDuration(nanoseconds: number): string {
  if (nanoseconds === 0) return '0s';
  const negative = nanoseconds < 0;
  let rest = Math.abs(nanoseconds);
  if (rest < 1e9) {
    const [value, unit] = rest < 1e3 ? [rest, 'ns'] : rest < 1e6 ? [rest / 1e3, 'µs'] : [rest / 1e6, 'ms'];
    return `${negative ? '-' : ''}${trimNumber(value)}${unit}`;
  }
  const hours = Math.floor(rest / 3600e9);
  rest -= hours * 3600e9;
  const minutes = Math.floor(rest / 60e9);
  rest -= minutes * 60e9;
  const seconds = rest / 1e9;
  let out = negative ? '-' : '';
  if (hours) out += `${hours}h`;
  if (hours || minutes) out += `${minutes}m`;
  return `${out}${trimNumber(seconds)}s`;
}

function trimNumber(value: number): string {
  return String(Number(value.toFixed(9)));
}
