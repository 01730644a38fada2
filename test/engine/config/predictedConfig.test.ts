// The predicted image configuration equals what the real engine records: each Dockerfile is
// built with BuildKit (dockerd's built-in frontend; no `# syntax=`, nothing pulled) and its
// `docker image inspect` .Config is compared with the prediction — values and key order.
import { strict as assert } from 'node:assert';
import { analyzeText, predictImageConfig, type BaseImageConfig } from '../../../server/src/dockerfile';
import { docker, testState, uniqueName, useCleanup, TEST_LABEL, RUN_ID } from '../support';

interface Case {
  readonly name: string;
  readonly dockerfile: string;
  readonly buildArgs?: Record<string, string>;
  readonly target?: string;
}

const base = () => testState().baseImage;

const cases: Case[] = [
  {
    name: 'every metadata instruction on scratch',
    dockerfile: [
      'FROM scratch',
      'ENV A=1 B="x y"',
      'ENV PATH=/custom:$PATH',
      'LABEL l1=v1 "l 2"="v 2" org.example.empty=',
      'WORKDIR app',
      'WORKDIR sub/../dir',
      'USER 1000:1000',
      'EXPOSE 80 443/udp 8000-8002 53/UDP',
      'VOLUME /data ["/cache"]',
      'VOLUME ["/logs", "/tmp/x"]',
      'STOPSIGNAL SIGINT',
      'SHELL ["/bin/bash", "-c"]',
      'HEALTHCHECK --interval=5s --timeout=3s --start-period=1m30s --retries=4 CMD echo ok',
      'ONBUILD RUN echo hi',
      'ONBUILD   ADD  . /app',
      'CMD echo $A',
      'ENTRYPOINT ["/bin/run"]',
    ].join('\n'),
  },
  {
    name: 'stages, inherited ONBUILD triggers, ENTRYPOINT dropping an inherited CMD',
    dockerfile: [
      'FROM scratch AS base',
      'ARG V=1.0',
      'ENV VERSION=$V',
      'CMD ["serve"]',
      'ONBUILD LABEL from.trigger=yes',
      'ONBUILD ENV TRIGGERED=1',
      'HEALTHCHECK --retries=2 CMD ["check", "--fast"]',
      '',
      'FROM base AS child',
      'ENTRYPOINT ["app"]',
      'EXPOSE 80/TCP 127.0.0.1:9000:90 53/udp',
      'HEALTHCHECK NONE',
      'LABEL child=1 version=$VERSION',
      '',
      'FROM base',
      'CMD server --port 80',
    ].join('\n'),
    target: 'child',
  },
  {
    name: 'the last stage by default, CMD set before ENTRYPOINT in the same stage survives',
    dockerfile: 'FROM scratch AS one\nCMD ["a"]\nFROM one\nCMD ["b", "c"]\nENTRYPOINT echo\n',
  },
  {
    // dockerd 20.10's built-in Dockerfile frontend knows only ${v}, ${v:-w} and ${v:+w}
    // ("missing ':' in substitution" otherwise): the other forms are covered by unit tests.
    name: 'global ARGs, build arguments and the substitution forms this engine knows',
    dockerfile: [
      'ARG BASE=scratch',
      'ARG UNUSED=1',
      'FROM ${BASE}',
      'ARG VERSION=1.2.3-rc1',
      'ARG USER_ID',
      'ARG EMPTY=',
      'ENV V=${VERSION} W=$VERSION',
      'ENV D1=${MISSING:-fallback} D3=${EMPTY:-replaced} A1=${VERSION:+set} A2=${MISSING:+set}',
      'ENV Q="double $V" S=\'single $V\' E=\\$V',
      'LABEL version="$VERSION" user=${USER_ID:-0}',
      'USER ${USER_ID:-nobody}',
      'WORKDIR /srv/$VERSION',
      'EXPOSE ${PORT:-8080}',
      'STOPSIGNAL ${SIGNAL:-SIGTERM}',
    ].join('\n'),
    buildArgs: { USER_ID: '4242', SIGNAL: 'SIGQUIT' },
  },
  {
    // The corpus's metadata built on scratch matched in 345 of 347 files; these two kept their slash.
    name: 'WORKDIR: an absolute path recorded as written, a relative one joined and cleaned',
    dockerfile: 'FROM scratch AS one\nWORKDIR /usr/src/\nFROM scratch AS two\nWORKDIR /a/../b\nWORKDIR c/./d/\nFROM scratch\nWORKDIR /x/.\n',
  },
  {
    name: 'WORKDIR: inherited from a parent stage as it was recorded, then joined',
    dockerfile: 'FROM scratch AS one\nWORKDIR /srv//app/\nFROM one AS two\nENV X=1\nFROM two AS three\nWORKDIR ../data\nFROM two\n',
  },
  {
    name: 'STOPSIGNAL: names in any case, with or without SIG, real-time ones, signed numbers',
    dockerfile: 'FROM scratch AS a\nSTOPSIGNAL rtmax-14\nFROM a AS b\nSTOPSIGNAL +5\nFROM b\nSTOPSIGNAL sigpipe\n',
  },
  {
    name: 'a stage ARG name is expanded like its value; a global one is not',
    dockerfile: 'ARG "G"=1\nFROM scratch\nARG A=av\nARG "Q"=1 ${A}_B=2\nARG G\nENV X=$Q Y=$av_B Z=$G\n',
  },
  {
    name: 'CMD and ENTRYPOINT with no command record sh -c ""; VOLUME paths trimmed',
    dockerfile: 'FROM scratch AS a\nCMD\nVOLUME [" /a ", "/b\\t"]\nFROM a\nENTRYPOINT  \n',
  },
  {
    name: 'COPY --from a stage defined later (BuildKit finds it by name)',
    dockerfile: 'FROM scratch AS first\nCOPY --from=later /bin/busybox /busybox\nFROM ${IMAGE} AS later\n',
    target: 'first',
    buildArgs: {},
  },
  {
    name: 'ARG and ENV precedence inside a stage',
    dockerfile: ['FROM scratch', 'ARG A=from-arg', 'ENV A=from-env', 'ARG A', 'ENV B=$A', 'ARG C=c-default', 'ENV C2=$C'].join('\n'),
    buildArgs: { C: 'c-build-arg' },
  },
  {
    name: 'a base image: its CMD, PATH added, relative WORKDIR from an empty one, shell-form ENTRYPOINT',
    dockerfile: `FROM ${'${IMAGE}'}\nRUN echo built > /built\nWORKDIR relative\nENV EXTRA=1\nENTRYPOINT exec sleep 1\n`,
    buildArgs: {},
  },
  {
    name: 'exec forms: empty CMD, SHELL then shell forms, escape directive with backtick continuations',
    dockerfile: ['# escape=`', 'FROM scratch', 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', 'CMD []', 'ENTRYPOINT echo one `', '  two', 'LABEL path=C:\\dir'].join('\n'),
  },
];

describe('predicted image config equals the engine’s (BuildKit builds)', function () {
  this.timeout(180_000);
  const cleanup = useCleanup();

  // What the prediction says fails, fails: each is built, and must be refused by the engine.
  const failing: { name: string; dockerfile: string }[] = [
    { name: 'an unknown signal name', dockerfile: 'FROM scratch\nSTOPSIGNAL SIGFOO\n' },
    { name: 'signal 0 written 00', dockerfile: 'FROM scratch\nSTOPSIGNAL 00\n' },
    { name: 'a real-time signal past RTMIN+15', dockerfile: 'FROM scratch\nSTOPSIGNAL RTMIN+16\n' },
    { name: 'a blank before the name', dockerfile: 'FROM scratch\nSTOPSIGNAL " TERM"\n' },
    { name: 'an ARG with no default', dockerfile: 'FROM scratch\nARG S\nSTOPSIGNAL $S\n' },
    { name: 'an ARG with a blank name', dockerfile: 'FROM scratch\nARG V=1 ==\n' },
    { name: 'an ONBUILD trigger that cannot be expanded, run by a later stage', dockerfile: 'FROM scratch AS one\nONBUILD LABEL A=b1"\nFROM one\n' },
    { name: 'a USER name for a WORKDIR where scratch has no /etc/passwd', dockerfile: 'FROM scratch AS base\nUSER app\nFROM base\nWORKDIR /srv\n' },
    { name: 'a group name the same way', dockerfile: 'FROM scratch\nUSER 1000:staff\nWORKDIR /srv\n' },
    { name: 'a VOLUME path of blanks', dockerfile: 'FROM scratch\nVOLUME ["/a", "\\t"]\n' },
    { name: 'an instruction without its argument, in a stage not built', dockerfile: 'FROM scratch AS other\nSTOPSIGNAL \t\nFROM scratch\nENV A=1\n' },
  ];
  for (const testCase of failing) {
    it(`a predicted failure fails: ${testCase.name}`, async () => {
      const { model } = analyzeText(testCase.dockerfile);
      const prediction = predictImageConfig(model);
      assert.ok(!('error' in prediction));
      const predicted = [...prediction.errors.map((error) => error.message), ...model.problems.map((problem) => problem.message)];
      assert.notDeepEqual(predicted, [], 'the prediction names the failure');
      const tag = cleanup.image(`${uniqueName('config-fails')}:1`);
      await assert.rejects(
        docker(['build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, '-'], { input: testCase.dockerfile, env: { DOCKER_BUILDKIT: '1' } }),
        /Invalid signal|names can not be blank|requires exactly one argument|unexpected end of statement|can not be an empty string|invalid user index/,
      );
    });
  }

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const dockerfile = testCase.dockerfile.includes('${IMAGE}') ? `ARG IMAGE=${base()}\n${testCase.dockerfile}` : testCase.dockerfile;
      const tag = cleanup.image(`${uniqueName('config')}:1`);
      const buildArgs = Object.entries(testCase.buildArgs ?? {}).flatMap(([key, value]) => ['--build-arg', `${key}=${value}`]);
      const target = testCase.target ? ['--target', testCase.target] : [];
      await docker(['build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, ...buildArgs, ...target, '-t', tag, '-'], {
        input: dockerfile,
        env: { DOCKER_BUILDKIT: '1' },
      });
      const actual = JSON.parse(await docker(['image', 'inspect', '--format', '{{json .Config}}', tag]));

      const baseConfig: BaseImageConfig = JSON.parse(await docker(['image', 'inspect', '--format', '{{json .Config}}', base()]));
      const { model } = analyzeText(dockerfile, {
        buildArgs: testCase.buildArgs,
        target: testCase.target,
        baseImageConfig: (reference) => (reference.text === base() ? baseConfig : undefined),
      });
      const prediction = predictImageConfig(model, { target: testCase.target, labels: { [TEST_LABEL]: RUN_ID } });
      assert.ok(!('error' in prediction), 'error' in prediction ? prediction.error : '');
      assert.deepEqual(prediction.errors, []);
      assert.deepEqual(model.problems.map((problem) => problem.message), [], 'the file builds: no problem to report');
      assert.ok(prediction.complete, prediction.notes.join('\n'));
      assert.deepStrictEqual(prediction.config, actual);
      assert.deepEqual(Object.keys(prediction.config), Object.keys(actual), 'key order');
    });
  }
});
