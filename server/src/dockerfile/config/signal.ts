// STOPSIGNAL as the builder reads it (moby's signal.ParseSignal, on Linux): a whole number other
// than 0, or a Linux signal name, in any case, with or without `SIG`. Anything else fails the
// build with "Invalid signal: …" (checked against the engine: `RTMIN+16`, `EMT`, `00`, ` TERM`).

const LINUX_SIGNALS = new Map<string, number>([
  ['ABRT', 6],
  ['ALRM', 14],
  ['BUS', 7],
  ['CHLD', 17],
  ['CLD', 17],
  ['CONT', 18],
  ['FPE', 8],
  ['HUP', 1],
  ['ILL', 4],
  ['INT', 2],
  ['IO', 29],
  ['IOT', 6],
  ['KILL', 9],
  ['PIPE', 13],
  ['POLL', 29],
  ['PROF', 27],
  ['PWR', 30],
  ['QUIT', 3],
  ['SEGV', 11],
  ['STKFLT', 16],
  ['STOP', 19],
  ['SYS', 31],
  ['TERM', 15],
  ['TRAP', 5],
  ['TSTP', 20],
  ['TTIN', 21],
  ['TTOU', 22],
  ['URG', 23],
  ['USR1', 10],
  ['USR2', 12],
  ['VTALRM', 26],
  ['WINCH', 28],
  ['XCPU', 24],
  ['XFSZ', 25],
  ['RTMIN', 34],
  ...Array.from({ length: 15 }, (_, i): [string, number] => [`RTMIN+${i + 1}`, 35 + i]),
  ...Array.from({ length: 14 }, (_, i): [string, number] => [`RTMAX-${14 - i}`, 50 + i]),
  ['RTMAX', 64],
]);

/** The highest signal number Linux has; a larger number builds but cannot be sent. */
export const LINUX_SIGNAL_MAX = 64;

const INT64_MAX = 2n ** 63n - 1n;

/** The signal number the builder records for `value`, or undefined when it fails the build. */
export function parseStopSignal(value: string): number | undefined {
  // Go's strconv.Atoi: an optional sign and decimal digits, within 64 bits.
  if (/^[+-]?\d+$/.test(value)) {
    const number = BigInt(value);
    const fits = number <= INT64_MAX && number >= -INT64_MAX - 1n;
    if (fits) return number === 0n ? undefined : Number(number);
  }
  const upper = value.toUpperCase();
  return LINUX_SIGNALS.get(upper.startsWith('SIG') ? upper.slice(3) : upper);
}
