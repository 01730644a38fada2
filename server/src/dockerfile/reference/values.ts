// Value syntaxes shared by several flags, and the small parsers that tell whether a value is
// written the way BuildKit reads it (Go's ParseBool, ParseDuration, octal ParseUint).
import type { ValueChoice, ValueSyntax } from './types';

export const REFERENCE_URL = 'https://docs.docker.com/reference/dockerfile/';

/** A section of the official Dockerfile reference. */
export function referenceUrl(anchor: string): string {
  return `${REFERENCE_URL}#${anchor}`;
}

export const BOOLEAN: ValueSyntax = {
  kind: 'boolean',
  syntax: 'true|false',
  values: [
    { value: 'true', description: 'On.' },
    { value: 'false', description: 'Off.' },
  ],
};

export const DURATION: ValueSyntax = {
  kind: 'duration',
  syntax: '<number><unit> (units: ms, s, m, h; e.g. 30s, 1m30s)',
  min: 1,
};

export const PLATFORMS: readonly ValueChoice[] = [
  { value: 'linux/amd64', description: '64-bit x86 (Intel, AMD).' },
  { value: 'linux/arm64', description: '64-bit ARM (Apple silicon, AWS Graviton, Raspberry Pi 4/5 with a 64-bit OS).' },
  { value: 'linux/arm/v7', description: '32-bit ARMv7 (Raspberry Pi 2/3 with a 32-bit OS).' },
  { value: 'linux/arm/v6', description: '32-bit ARMv6 (Raspberry Pi Zero/1).' },
  { value: 'linux/386', description: '32-bit x86.' },
  { value: 'linux/ppc64le', description: 'IBM POWER, little endian.' },
  { value: 'linux/s390x', description: 'IBM Z mainframes.' },
  { value: 'linux/riscv64', description: '64-bit RISC-V.' },
  { value: 'windows/amd64', description: 'Windows containers on 64-bit x86.' },
];

export const PLATFORM: ValueSyntax = { kind: 'platform', syntax: '<os>/<arch>[/<variant>]', values: PLATFORMS };

const GO_BOOLEANS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/** Go's strconv.ParseBool: the value, or undefined when Go would reject it. */
export function parseBoolean(text: string): boolean | undefined {
  if (!GO_BOOLEANS.has(text)) return undefined;
  return GO_TRUE.has(text);
}

const DURATION_UNITS_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Go's time.ParseDuration, in milliseconds: `300ms`, `1.5h`, `2h45m`, `-1s`; a bare `0` too.
 * Undefined when Go would reject the text (a number without a unit, `1d`, empty).
 */
export function parseDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const number = /^(\d+\.?\d*|\.\d+)/.exec(rest);
    if (!number) return undefined;
    rest = rest.slice(number[0].length);
    // The micro signs are written as escapes: esbuild copies a regular expression's characters
    // as they are, and one character outside Latin-1 makes V8 hold the whole server bundle's
    // source as two-byte text (0.7 MB more for the minified bundle).
    const unit = /^(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/.exec(rest);
    if (!unit) return undefined;
    rest = rest.slice(unit[0].length);
    total += Number(number[0]) * DURATION_UNITS_MS[unit[0]];
  }
  return sign * total;
}

/** A duration in words for hover: `90s` → "1 minute 30 seconds". */
export function describeDuration(ms: number): string {
  if (ms === 0) return '0 (the default applies)';
  if (ms < 1000) return `${trim(ms)} millisecond${ms === 1 ? '' : 's'}`;
  const parts: string[] = [];
  let seconds = ms / 1000;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  if (hours) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (seconds) parts.push(`${trim(seconds)} second${seconds === 1 ? '' : 's'}`);
  return parts.join(' ');
}

function trim(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** An octal file mode as BuildKit's ParseUint(…, 8, 32) reads it. */
export function isOctalMode(text: string): boolean {
  return /^[0-7]{1,11}$/.test(text) && parseInt(text, 8) <= 0xffffffff;
}

/** `--chmod` values: octal, or symbolic (`u+x,g-w`, `a=rX`) since docker/dockerfile 1.14. */
export function isPermissions(text: string): boolean {
  return isOctalMode(text) || /^([ugoa]*[-+=]([rwxXst]*|[ugo]))(,[ugoa]*[-+=]([rwxXst]*|[ugo]))*$/.test(text);
}

/** `rwxr-xr-x` for an octal mode, for hover. */
export function describeOctalMode(text: string): string | undefined {
  if (!isOctalMode(text)) return undefined;
  const mode = parseInt(text, 8) & 0o777;
  const letters = 'rwxrwxrwx';
  let out = '';
  for (let bit = 8; bit >= 0; bit--) out += mode & (1 << bit) ? letters[8 - bit] : '-';
  return out;
}
