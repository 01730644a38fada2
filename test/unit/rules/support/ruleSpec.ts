// One spec per rule, data-driven: texts the rule catches (optionally with «the range» it must
// point at), texts it must not catch, and fixes that must turn one text into another. Every case
// runs with LF and with CRLF line ends.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../../server/src/dockerfile';
import { applyEdits } from '../../../../server/src/dockerfile/fixes/text';
import { lintDocument, ruleById, RULE_OF_PROBLEM_CODES, type Finding, type LintConfig, type RuleId, type RuleOptions } from '../../../../server/src/dockerfile/rules';
import { ShellCache } from '../../../../server/src/dockerfile/shell/cache';

export interface CatchCase {
  readonly text: string;
  /** How many findings of the rule (default: at least one). */
  readonly count?: number;
  readonly message?: RegExp;
}

export interface FixCase {
  readonly before: string;
  readonly after: string;
  readonly title?: RegExp;
}

export interface RuleCases {
  /** Empty only for a rule the parser reports, when no input of the parser triggers it yet (see `problemCode`). */
  readonly catches: readonly (string | CatchCase)[];
  /** The parser/model problem code the rule reports. */
  readonly problemCode?: string;
  readonly clean: readonly string[];
  readonly fixes?: readonly FixCase[];
  /** Texts the rule catches but must offer no fix for (a mechanical fix would change the build). */
  readonly noFix?: readonly string[];
  /** Rule options (trusted registries, label schema) for every case. */
  readonly options?: Partial<RuleOptions>;
}

const shells = new ShellCache();
const EOLS = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const;

export function findingsOf(id: RuleId, text: string, options?: Partial<RuleOptions>): Finding[] {
  const rule = ruleById(id);
  const config: LintConfig = { severities: rule.severity === 'off' ? { [id]: 'warning' } : {}, options };
  return lintDocument(analyzeText(text), config, shells).findings.filter((finding) => finding.rule.id === id);
}

/** Removes «» markers; returns the text and the marked range. */
function unmark(text: string): { text: string; range: [number, number] | undefined } {
  const open = text.indexOf('«');
  if (open < 0) return { text, range: undefined };
  const close = text.indexOf('»', open);
  return { text: text.slice(0, open) + text.slice(open + 1, close) + text.slice(close + 1), range: [open, close - 1] };
}

export function ruleSpec(id: RuleId, cases: RuleCases): void {
  describe(`rule ${id}`, () => {
    it('is in the table', () => assert.equal(ruleById(id)?.id, id));
    if (cases.problemCode) {
      it(`reports the ${cases.problemCode} problems of the parser`, () => assert.equal((RULE_OF_PROBLEM_CODES as Record<string, string>)[cases.problemCode!], id));
    } else {
      it('has cases it catches', () => assert.ok(cases.catches.length > 0));
    }
    if (ruleById(id)?.fix) it('has a tested fix (the table says it offers one)', () => assert.ok((cases.fixes ?? []).length > 0));
    for (const [name, eol] of EOLS) {
      const convert = (text: string) => text.replace(/\n/g, eol);
      cases.catches.forEach((entry, index) => {
        const spec: CatchCase = typeof entry === 'string' ? { text: entry } : entry;
        it(`catches #${index + 1} (${name}): ${JSON.stringify(spec.text.slice(0, 60))}`, () => {
          const { text, range } = unmark(convert(spec.text));
          const findings = findingsOf(id, text, cases.options);
          if (spec.count !== undefined) assert.equal(findings.length, spec.count, JSON.stringify(findings.map((finding) => finding.message)));
          else assert.ok(findings.length > 0, `no ${id} finding`);
          if (range) assert.deepEqual([findings[0].start, findings[0].end], range, `range of "${findings[0].message}"`);
          if (spec.message) assert.match(findings[0].message, spec.message);
        });
      });
      cases.clean.forEach((text, index) => {
        it(`does not catch #${index + 1} (${name}): ${JSON.stringify(text.slice(0, 60))}`, () => {
          const findings = findingsOf(id, convert(text), cases.options);
          assert.deepEqual(findings.map((finding) => finding.message), []);
        });
      });
      (cases.noFix ?? []).forEach((text, index) => {
        it(`offers no fix #${index + 1} (${name})`, () => {
          const findings = findingsOf(id, convert(text), cases.options);
          assert.ok(findings.length > 0, `no ${id} finding`);
          assert.deepEqual(findings.map((finding) => finding.fix?.()?.title), findings.map(() => undefined));
        });
      });
      (cases.fixes ?? []).forEach((fix, index) => {
        it(`fixes #${index + 1} (${name})`, () => {
          const before = convert(fix.before);
          const finding = findingsOf(id, before, cases.options).find((candidate) => candidate.fix?.() !== undefined);
          assert.ok(finding, `no ${id} finding with a fix`);
          const edit = finding.fix!()!;
          if (fix.title) assert.match(edit.title, fix.title);
          assert.equal(applyEdits(before, edit.edits), convert(fix.after));
        });
      });
    }
  });
}
