// `layerwise lint` end to end on files on disk: every format, the SARIF log validated against
// the SARIF 2.1.0 schema (from @microsoft/jest-sarif, rtm.5), fail levels and exit codes,
// .hadolint.yaml next to the file, --config, --rule/--ignore, globs, usage errors.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Ajv from 'ajv';
import { lintCommand } from '../../../server/src/cli/commands/lint';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function lint(cwd: string, ...args: string[]): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await lintCommand.run(args, { stdout, stderr });
    return { code, stdout: out, stderr: err };
  } finally {
    process.chdir(previous);
  }
}

const DOCKERFILE = 'FROM debian:12\nRUN apt-get update && apt-get install curl\nCMD node server.js\n';

describe('layerwise lint', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
    mkdirSync(join(root, 'svc'));
    writeFileSync(join(root, 'svc', 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(root, 'Containerfile'), 'FROM alpine:3.20\nCMD ["true"]\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('json: an array of {file, line, column, endLine, endColumn, severity, code, aliases, message}, 1-based', async () => {
    const run = await lint(root, '--format', 'json', 'svc/Dockerfile');
    assert.equal(run.code, 1);
    const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
    const yes = findings.find((finding) => finding.code === 'apt-get-yes');
    assert.deepEqual(yes, {
      file: join('svc', 'Dockerfile'),
      line: 2,
      column: 23,
      endLine: 2,
      endColumn: 43,
      severity: 'warning',
      code: 'apt-get-yes',
      aliases: ['DL3014'],
      message: 'Use the -y switch to avoid manual input: apt-get install -y ….',
    });
    for (const finding of findings) assert.deepEqual(Object.keys(finding), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'aliases', 'message']);
  });

  it('sarif: validates against the SARIF 2.1.0 schema', async () => {
    const run = await lint(root, '--format', 'sarif');
    const log = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The SARIF schema is JSON Schema draft-04.
    const ajv = new Ajv({ allErrors: true, schemaId: 'auto' } as Ajv.Options);
    ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
    const valid = ajv.validate(schema, log);
    assert.ok(valid, ajv.errorsText(ajv.errors, { separator: '\n' }));
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    const rules = log.runs[0].tool.driver.rules as { id: string }[];
    assert.ok(results.length > 0);
    for (const result of results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
    assert.equal(results.find((result) => result.ruleId === 'apt-get-yes')?.locations[0].physicalLocation.artifactLocation.uri, 'svc/Dockerfile');
  });

  it('checkstyle and gitlab', async () => {
    const checkstyle = await lint(root, '--format', 'checkstyle', 'svc/Dockerfile');
    assert.match(checkstyle.stdout, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<checkstyle version="4\.3">/);
    assert.match(checkstyle.stdout, /<error line="2" column="23" severity="warning" message="Use the -y switch to avoid manual input: apt-get install -y …\." source="layerwise\.apt-get-yes"\/>/);
    const gitlab = JSON.parse((await lint(root, '--format', 'gitlab', 'svc/Dockerfile')).stdout) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    const yes = gitlab.find((issue) => issue.check_name === 'apt-get-yes');
    assert.equal(yes?.severity, 'major');
    assert.deepEqual(yes?.location, { path: join('svc', 'Dockerfile'), lines: { begin: 2, end: 2 } });
    assert.equal(new Set(gitlab.map((issue) => issue.fingerprint)).size, gitlab.length);
  });

  it('text, and every Dockerfile/Containerfile when no file is named', async () => {
    const run = await lint(root);
    assert.match(run.stdout, /^svc\/Dockerfile:2:23 warning apt-get-yes Use the -y switch to avoid manual input: apt-get install -y …\. \(DL3014\)$/m);
    assert.match(run.stdout, /^2 files linted: \d+ error\(s\), \d+ warning\(s\), \d+ info\.$/m);
  });

  it('--fail-level decides the exit code; failure-threshold from .hadolint.yaml is the default', async () => {
    writeFileSync(join(root, 'Dockerfile.info'), 'FROM alpine:3.20\nRUN true\nRUN true\n');
    assert.equal((await lint(root, 'Dockerfile.info')).code, 0, 'only info findings: passes at the default (warning)');
    assert.equal((await lint(root, '--fail-level', 'info', 'Dockerfile.info')).code, 1);
    assert.equal((await lint(root, '--fail-level', 'none', 'svc/Dockerfile')).code, 0);
    assert.equal((await lint(root, '--fail-level', 'error', 'svc/Dockerfile')).code, 0);
    writeFileSync(join(root, '.hadolint.yaml'), 'failure-threshold: style\n');
    assert.equal((await lint(root, 'Dockerfile.info')).code, 1);
  });

  it('.hadolint.yaml next to the file, --config, --rule and --ignore', async () => {
    writeFileSync(join(root, 'svc', '.hadolint.yaml'), 'ignored: [DL3014, JSONArgsRecommended]\n');
    const codes = async (...args: string[]) => (JSON.parse((await lint(root, '--format', 'json', ...args, 'svc/Dockerfile')).stdout) as { code: string }[]).map((finding) => finding.code);
    assert.ok(!(await codes()).includes('apt-get-yes'));
    assert.ok(!(await codes()).includes('json-args-recommended'));
    writeFileSync(join(root, 'other.yaml'), 'ignored: [DL3008]\n');
    const withConfig = await codes('--config', 'other.yaml');
    assert.ok(withConfig.includes('apt-get-yes') && !withConfig.includes('apt-get-pin-versions'));
    assert.ok(!(await codes('--ignore', 'apt-get-lists-not-deleted')).includes('apt-get-lists-not-deleted'));
    const severities = JSON.parse((await lint(root, '--format', 'json', '--rule', 'DL3008=error', 'svc/Dockerfile')).stdout) as { code: string; severity: string }[];
    assert.equal(severities.find((finding) => finding.code === 'apt-get-pin-versions')?.severity, 'error');
  });

  it('checks COPY sources against the .dockerignore of the build context (the Dockerfile\'s directory)', async () => {
    writeFileSync(join(root, 'svc', 'Dockerfile.app'), 'FROM alpine:3.20\nCOPY notes.md /docs/\n');
    const codes = async () => (JSON.parse((await lint(root, '--format', 'json', 'svc/Dockerfile.app')).stdout) as { code: string; message: string }[]).map((finding) => finding.code);
    assert.ok(!(await codes()).includes('copy-ignored-file'));
    writeFileSync(join(root, 'svc', '.dockerignore'), '*.md\n');
    assert.ok((await codes()).includes('copy-ignored-file'));
    writeFileSync(join(root, 'svc', 'Dockerfile.app.dockerignore'), 'other\n');
    assert.ok(!(await codes()).includes('copy-ignored-file'), '<Dockerfile>.dockerignore wins over .dockerignore');
  });

  it('globs', async () => {
    const run = await lint(root, '--format', 'json', '**/Dockerfile');
    assert.deepEqual([...new Set((JSON.parse(run.stdout) as { file: string }[]).map((finding) => finding.file))], [join('svc', 'Dockerfile')]);
  });

  it('a directory lints the Dockerfiles and Containerfiles under it', async () => {
    writeFileSync(join(root, 'svc', 'notes.txt'), 'FROM nothing\n');
    writeFileSync(join(root, 'Containerfile'), 'FROM alpine:3.20\nMAINTAINER someone\n');
    const run = await lint(root, '--format', 'json', '.');
    assert.deepEqual([...new Set((JSON.parse(run.stdout) as { file: string }[]).map((finding) => finding.file))].sort(), ['Containerfile', join('svc', 'Dockerfile')].sort());
    const trailing = await lint(root, '--format', 'json', 'svc/');
    assert.deepEqual([...new Set((JSON.parse(trailing.stdout) as { file: string }[]).map((finding) => finding.file))], [join('svc', 'Dockerfile')]);
    mkdirSync(join(root, 'empty'));
    const empty = await lint(root, 'empty');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /empty: a directory with no Dockerfile or Containerfile under it/);
  });

  it('usage and configuration errors exit 2 with what to do', async () => {
    assert.match((await lint(root, '--format', 'xml')).stderr, /unknown format "xml": use text, json, sarif, checkstyle, gitlab/);
    assert.equal((await lint(root, 'missing/Dockerfile')).code, 2);
    assert.match((await lint(root, '--rule', 'DL9999=off')).stderr, /"DL9999" names no rule/);
    writeFileSync(join(root, 'bad.yaml'), 'ignored: [\n');
    const bad = await lint(root, '--config', 'bad.yaml', 'svc/Dockerfile');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.yaml:\d+:\d+: not valid YAML/);
  });
});
