// The predicted image configuration, field by field, for what the engine tier cannot build here
// (newer substitution forms, unknown bases, errors). The engine tier compares whole configs
// with real BuildKit builds.
import { strict as assert } from 'node:assert';
import {
  analyzeText,
  formatGoDuration,
  normalizeWorkdir,
  parseGoDuration,
  parseStopSignal,
  recordedWorkdir,
  parsePortSpec,
  predictImageConfig,
  type AnalyzeOptions,
  type ConfigPrediction,
  type ImageConfig,
} from '../../../server/src/dockerfile';

function predict(dockerfile: string, options: AnalyzeOptions & { labels?: Record<string, string> } = {}): ConfigPrediction {
  const { model } = analyzeText(dockerfile, options);
  const prediction = predictImageConfig(model, { target: options.target, labels: options.labels });
  if ('error' in prediction) throw new Error(prediction.error);
  return prediction;
}

const cases: { name: string; dockerfile: string; options?: AnalyzeOptions; expect: Partial<ImageConfig> }[] = [
  {
    name: 'pattern substitutions in ENV (BuildKit 1.x forms)',
    dockerfile: 'FROM scratch\nARG V=1.2.3-rc1\nENV MAJOR=${V%%.*} NO_RC=${V%-*} TAIL=${V#*.} LONG=${V##*.} DOTS=${V//./_} FIRST=${V/./:}',
    expect: {
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'MAJOR=1', 'NO_RC=1.2.3', 'TAIL=2.3-rc1', 'LONG=3-rc1', 'DOTS=1_2_3-rc1', 'FIRST=1:2.3-rc1'],
    },
  },
  {
    name: 'unset versus empty: - and + without colon',
    dockerfile: 'FROM scratch\nARG E=\nENV A=${E-kept} B=${E:-replaced} C=${NOPE+set} D=${E+set}',
    expect: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'A=', 'B=replaced', 'C=', 'D=set'] },
  },
  {
    name: 'build arguments override defaults, in FROM and in stages',
    dockerfile: 'ARG BASE=nothing\nFROM ${BASE}\nARG MODE=debug\nLABEL mode=$MODE',
    options: { buildArgs: { BASE: 'scratch', MODE: 'release' } },
    expect: { Labels: { mode: 'release' }, WorkingDir: '/' },
  },
  {
    name: 'a shell-form CMD follows the SHELL in effect',
    dockerfile: 'FROM scratch\nSHELL ["pwsh", "-Command"]\nCMD Get-Date',
    expect: { Cmd: ['pwsh', '-Command', 'Get-Date'], Shell: ['pwsh', '-Command'], ArgsEscaped: true },
  },
  {
    name: 'HEALTHCHECK durations in nanoseconds, zero values omitted',
    dockerfile: 'FROM scratch\nHEALTHCHECK --interval=1m30s --timeout=500ms --start-period=0s --start-interval=2s --retries=0 CMD ["true"]',
    expect: { Healthcheck: { Test: ['CMD', 'true'], Interval: 90e9, Timeout: 5e8, StartInterval: 2e9 } },
  },
  {
    name: 'ONBUILD records the trigger text without the keyword',
    dockerfile: 'FROM scratch\nonbuild   COPY  --from=x  a b\nONBUILD RUN make \\\n  all',
    expect: { OnBuild: ['COPY  --from=x  a b', 'RUN make   all'] },
  },
];

describe('image config prediction', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { config, errors, complete } = predict(testCase.dockerfile, testCase.options);
      assert.deepEqual(errors, []);
      assert.ok(complete);
      for (const [key, value] of Object.entries(testCase.expect)) assert.deepStrictEqual(config[key as keyof ImageConfig], value, key);
    });
  }

  it('says what it cannot know about an external base image, and still predicts the rest', () => {
    const prediction = predict('FROM alpine:3.20\nENV HOME_BIN=$HOME/bin\nCMD ["sh"]');
    assert.equal(prediction.complete, false);
    assert.deepEqual(prediction.config.Cmd, ['sh']);
    assert.match(prediction.notes.join('\n'), /base image alpine:3\.20 is not known here/);
    assert.match(prediction.notes.join('\n'), /ENV on line 2 uses a value not known here \(\$HOME\/bin\)/);
  });

  it('uses a known base image configuration: its ENV, CMD and ONBUILD triggers', () => {
    const prediction = predict('FROM org/base:1\nENTRYPOINT ["app"]', {
      baseImageConfig: (reference) =>
        reference.normalized === 'docker.io/org/base:1'
          ? { Env: ['PATH=/opt/bin', 'LANG=C'], Cmd: ['serve'], WorkingDir: '/srv', OnBuild: ['LABEL onbuild=ran', 'ENV FROM_TRIGGER=$LANG'] }
          : undefined,
    });
    assert.equal(prediction.complete, true, prediction.notes.join('\n'));
    assert.deepEqual(prediction.config.Env, ['PATH=/opt/bin', 'LANG=C', 'FROM_TRIGGER=C']);
    assert.deepEqual(prediction.config.Cmd, null, 'ENTRYPOINT drops the inherited CMD');
    assert.deepEqual(prediction.config.Labels, { onbuild: 'ran' });
    assert.equal(prediction.config.WorkingDir, '/srv');
    assert.equal(prediction.config.OnBuild, null);
  });

  it('lists the errors the build would stop at', () => {
    const prediction = predict('FROM scratch\nEXPOSE 80/sctp 70000 80/icmp\nHEALTHCHECK --interval=10us CMD true\nSHELL /bin/sh -c\nVOLUME [""]');
    assert.deepEqual(
      prediction.errors.map((error) => `${error.instruction.name}: ${error.message}`),
      [
        'EXPOSE: invalid port "70000" in EXPOSE 70000: use a number from 0 to 65535 or a range like 8000-8010',
        'EXPOSE: invalid protocol "icmp" in EXPOSE 80/icmp: use tcp, udp or sctp',
        'HEALTHCHECK: --interval cannot be less than 1ms',
        'SHELL: SHELL requires the arguments to be in JSON form, e.g. SHELL ["/bin/bash", "-c"]',
        'VOLUME: VOLUME specified can not be an empty string',
      ],
    );
  });

  it('selects the target stage by name, case-insensitively, and explains a missing one', () => {
    const { model } = analyzeText('FROM scratch AS Build\nLABEL stage=build\nFROM scratch\nLABEL stage=final');
    const build = predictImageConfig(model, { target: 'BUILD' });
    assert.ok(!('error' in build));
    assert.deepEqual(build.config.Labels, { stage: 'build' });
    assert.deepEqual(predictImageConfig(model, { target: 'test' }), { error: 'target stage "test" could not be found: the stages are build' });
  });

  it('selects an unnamed stage by index, which wins over a name, and explains a missing one', () => {
    const { model } = analyzeText('FROM scratch\nLABEL stage=first\nFROM scratch AS named\nLABEL stage=second\nFROM 0\nENV FROM_FIRST=1');
    const first = predictImageConfig(model, { stageIndex: 0, target: 'named' });
    assert.ok(!('error' in first));
    assert.deepEqual([first.stageIndex, first.config.Labels], [0, { stage: 'first' }]);
    const inheriting = predictImageConfig(model, { stageIndex: 2 });
    assert.ok(!('error' in inheriting));
    assert.deepEqual([inheriting.config.Labels, inheriting.complete], [null, false], 'FROM 0 names the image "0", not stage 0');
    assert.deepEqual(predictImageConfig(model, { stageIndex: 3 }), { error: 'there is no stage 3: stages are numbered from 0 to 2' });
  });

  it('adds docker build --label labels, keys sorted like the engine prints them', () => {
    const { config } = predict('FROM scratch\nLABEL b=2 a=1', { labels: { c: '3' } });
    assert.deepEqual(Object.keys(config.Labels ?? {}), ['a', 'b', 'c']);
  });
});

describe('config helpers', () => {
  // moby's signal.ParseSignal on Linux; each checked against the engine.
  const signals: [string, number | undefined][] = [
    ['SIGTERM', 15],
    ['sigterm', 15],
    ['TERM', 15],
    ['SIGPIPE', 13],
    ['STKFLT', 16],
    ['CLD', 17],
    ['RTMIN+15', 49],
    ['RTMAX-14', 50],
    ['RTMAX', 64],
    ['99', 99],
    ['-1', -1],
    ['+5', 5],
    ['2147483648', 2147483648],
    ['0', undefined],
    ['00', undefined],
    ['-0', undefined],
    ['1e1', undefined],
    [' TERM', undefined],
    ['Sig-TERM', undefined],
    ['RTMIN+16', undefined],
    ['EMT', undefined],
    ['UNUSED', undefined],
    ['SIGSIGTERM', undefined],
  ];
  for (const [value, expected] of signals) {
    it(`STOPSIGNAL ${JSON.stringify(value)} is ${expected === undefined ? 'refused' : `signal ${expected}`}`, () => assert.equal(parseStopSignal(value), expected));
  }

  it('predicts the end of a chain of thousands of stages, each FROM the one before (it used to overflow the stack)', () => {
    let dockerfile = 'FROM scratch AS s0\nENV A0=0\n';
    for (let index = 1; index < 4000; index++) dockerfile += `FROM s${index - 1} AS s${index}\nENV A${index}=${index}\n`;
    const { config } = predict(dockerfile);
    assert.equal(config.Env?.length, 4001);
    assert.equal(config.Env?.at(-1), 'A3999=3999');
  });

  it('a stage ARG name is expanded like its value; a global one is not', () => {
    const { config } = predict('ARG "G"=1\nFROM scratch\nARG A=av\nARG "Q"=1 ${A}_B=2\nARG G\nENV X=$Q Y=$av_B Z=$G\n');
    assert.deepEqual(config.Env?.slice(1), ['X=1', 'Y=2', 'Z=']);
  });

  it('an instruction without its arguments fails the build whichever stage is the target', () => {
    const messages = (dockerfile: string, target?: string) => predict(dockerfile, { target }).errors.map((error) => error.message);
    assert.deepEqual(messages('FROM scratch AS other\nUSER \t\nFROM scratch AS built\nENV A=1\n', 'built'), ['USER requires exactly one argument.']);
    assert.deepEqual(messages('FROM scratch\nWORKDIR\nCOPY a\n'), ['WORKDIR requires exactly one argument.', 'COPY requires a source and a destination: COPY <src>… <dest> (only "a" is given).']);
    assert.deepEqual(messages('FROM scratch\nUSER nobody\n'), []);
  });

  it('a user name looked up where scratch has no /etc/passwd is a predicted failure', () => {
    const messages = (dockerfile: string) => predict(dockerfile).errors.map((error) => error.message.slice(0, error.message.indexOf(',')));
    assert.deepEqual(messages('FROM scratch AS base\nUSER app\nFROM base\nWORKDIR /srv\n'), ['WORKDIR creates /srv owned by USER app']);
    assert.deepEqual(messages('FROM scratch\nCOPY --chown=app:app a /a\n'), ['--chown=app:app names a user or group']);
    assert.deepEqual(messages('FROM scratch\nCOPY passwd /etc/passwd\nUSER app\nWORKDIR /srv\n'), [], 'a file copied in may be /etc/passwd');
    assert.deepEqual(messages('FROM scratch\nUSER 65532:root\nWORKDIR /srv\nUSER app\nWORKDIR /\n'), []);
  });

  it('a STOPSIGNAL the builder refuses is a predicted build failure; an unknown one is not', () => {
    const messages = (dockerfile: string) => predict(dockerfile).errors.map((error) => error.message);
    assert.deepEqual(messages('FROM scratch\nARG S=avx\nSTOPSIGNAL $S\n'), ['Invalid signal "avx": STOPSIGNAL takes a signal name such as SIGTERM, or a number']);
    // An ARG without a default and no --build-arg is empty: the engine fails on it too.
    assert.deepEqual(messages('FROM scratch\nARG S\nSTOPSIGNAL $S\n'), ['Invalid signal "": STOPSIGNAL takes a signal name such as SIGTERM, or a number']);
    assert.deepEqual(messages('FROM scratch\nARG S\nSTOPSIGNAL $S\n'.replace('ARG S', 'ARG S=quit')), []);
    assert.deepEqual(messages('FROM alpine:3.20\nSTOPSIGNAL $FROM_THE_BASE\n'), [], 'a value the base image sets is not known here');
    assert.deepEqual(messages('FROM scratch\nSTOPSIGNAL rtmax-2\n'), []);
  });

  const workdirs: [string, string, string][] = [
    ['', 'app', '/app'],
    ['/', 'app/', '/app'],
    ['/a/b', '../c/./d', '/a/c/d'],
    ['/a', '/abs//x/', '/abs/x'],
    ['/a', '../../..', '/'],
    // Clean as written (returned as is), and the near misses that are not.
    ['/', '/', '/'],
    ['/', '/opt/app', '/opt/app'],
    ['/a', 'b', '/a/b'],
    ['/a', '/.hidden/..x', '/.hidden/..x'],
    ['/a', '/x/.', '/x'],
    ['/a', '/x/..', '/'],
    ['/a', '/x/', '/x'],
    ['/a/', 'b', '/a/b'],
  ];
  for (const [current, requested, expected] of workdirs) {
    it(`WORKDIR ${requested} from "${current}" is ${expected}`, () => assert.equal(normalizeWorkdir(current, requested), expected));
  }

  // What the image records (the engine tier builds the same): an absolute path as written.
  const recorded: [string, string, string][] = [
    ['', '/usr/src/', '/usr/src/'],
    ['/a', '/a/../b', '/a/../b'],
    ['/', '//x', '//x'],
    ['/', '/x/.', '/x/.'],
    ['/usr/src/', 'rel', '/usr/src/rel'],
    ['/a/../b', 'c/', '/b/c'],
    ['/x/', '..', '/'],
    ['', 'app', '/app'],
    // A path that expands to nothing: the directory stays as recorded.
    ['/a/b/', '', '/a/b/'],
    ['', '', '/'],
    ['app', '', '/app'],
  ];
  for (const [current, requested, expected] of recorded) {
    it(`WORKDIR ${requested} from "${current}" is recorded as ${expected}`, () => assert.equal(recordedWorkdir(current, requested), expected));
  }

  it('a WORKDIR that expands to nothing builds and keeps the directory', () => {
    const { model } = analyzeText('FROM scratch\nARG EMPTY\nWORKDIR /srv\nWORKDIR $EMPTY\n');
    const prediction = predictImageConfig(model);
    assert.ok(!('error' in prediction));
    assert.deepEqual([prediction.config.WorkingDir, prediction.errors], ['/srv', []]);
  });

  it('the predicted WorkingDir keeps an absolute WORKDIR as written', () => {
    const { model } = analyzeText('FROM scratch\nWORKDIR /usr/src/\n');
    const prediction = predictImageConfig(model);
    assert.ok(!('error' in prediction));
    assert.equal(prediction.config.WorkingDir, '/usr/src/');
  });

  const ports: [string, string[] | RegExp][] = [
    ['80', ['80/tcp']],
    ['53/UDP', ['53/udp']],
    ['8000-8002/tcp', ['8000/tcp', '8001/tcp', '8002/tcp']],
    ['127.0.0.1:8080:80', ['80/tcp']],
    ['9-8', /invalid port range/],
    ['x', /invalid port/],
  ];
  for (const [spec, expected] of ports) {
    it(`EXPOSE ${spec}`, () => {
      const result = parsePortSpec(spec);
      if (expected instanceof RegExp) assert.match(String(result), expected);
      else assert.deepEqual(result, expected);
    });
  }

  const durations: [string, number | RegExp][] = [
    ['30s', 30e9],
    ['1h2m3.5s', 3723.5e9],
    ['250ms', 2.5e8],
    ['1.5us', 1500],
    ['0', 0],
    ['10', /missing unit/],
    ['5d', /unknown unit "d"/],
  ];
  for (const [text, expected] of durations) {
    it(`duration ${text}`, () => {
      const result = parseGoDuration(text);
      if (expected instanceof RegExp) assert.match(typeof result === 'number' ? String(result) : result.error, expected);
      else assert.equal(result, expected);
    });
  }

  it('formats durations the way Go prints them', () => {
    assert.deepEqual([90e9, 5e8, 3723.5e9, 0].map(formatGoDuration), ['1m30s', '500ms', '1h2m3.5s', '0s']);
  });
});
