#!/usr/bin/env node
// Generates syntaxes/dockerfile.tmLanguage.json, the TextMate grammar of the `dockerfile`
// language. It is generated because every instruction rule exists twice: once for the default
// escape character `\` and once for a file that starts with `# escape=\``, where the backtick
// continues lines (and a trailing `\` is just a character, e.g. in `C:\`). TextMate has no
// parameters, so the two copies are written out here from one description.
//
//   node syntaxes/dockerfile.grammar.mjs          # rewrite the JSON
//   node syntaxes/dockerfile.grammar.mjs --check  # exit 1 when the JSON is stale (tests run this)
//
// Scope name: `source.dockerfile`, the one VS Code's built-in grammar uses, so that this grammar
// replaces it everywhere the language is highlighted (editors, Markdown fences, hovers); VS Code
// lets the grammar registered last win, and extensions register after the built-in ones.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, 'dockerfile.tmLanguage.json');

const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];

/** Everything that depends on the escape character, for one of the two modes. */
function mode(suffix, escape) {
  const esc = escape === '`' ? '`' : '\\\\';
  const r = (name) => `#${name}${suffix}`;
  // The line end of the instruction's last line. A continuation consumes the line break, after
  // which the engine still tries end patterns at the very end of the line: `(?<!\\n)` skips that one.
  const instructionEnd = '(?<!\\n)$';
  // A continuation consumes the line break, so the instruction's end does not see that line end.
  const continuation = {
    match: `(${esc})[ \\t]*(?:\\n|$)`,
    captures: { 1: { name: 'constant.character.escape.continuation.dockerfile' } },
  };
  // Comment lines and empty lines inside a continuation (BuildKit drops them) keep the instruction open.
  const continuationComment = {
    match: '^[ \\t]*(#).*(?:\\n|$)',
    name: 'comment.line.number-sign.dockerfile',
    captures: { 1: { name: 'punctuation.definition.comment.dockerfile' } },
  };
  const emptyLine = { match: '^[ \\t]*\\n' };
  const lineBasics = [{ include: r('continuation') }, { include: r('continuationComment') }, { include: r('emptyLine') }];

  const flagValueStage = {
    // --from=<stage or image>: the value names another stage or an image.
    match: `(?<=\\s|^)(--)(from)(=)((?:[^\\s${esc}]|${esc}(?!\\s*$))+)`,
    captures: {
      1: { name: 'punctuation.definition.flag.dockerfile' },
      2: { name: 'entity.other.attribute-name.flag.dockerfile' },
      3: { name: 'keyword.operator.assignment.dockerfile' },
      4: { patterns: [{ include: '#variable' }, { match: '.+', name: 'entity.name.type.image-or-stage.dockerfile' }] },
    },
  };
  const flag = {
    match: `(?<=\\s|^)(--)([A-Za-z][A-Za-z0-9-]*)(?:(=)((?:"(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\s${esc}"']|${esc}(?!\\s*$))*))?`,
    captures: {
      1: { name: 'punctuation.definition.flag.dockerfile' },
      2: { name: 'entity.other.attribute-name.flag.dockerfile' },
      3: { name: 'keyword.operator.assignment.dockerfile' },
      4: { name: 'string.unquoted.flag-value.dockerfile', patterns: [{ include: '#flagFields' }] },
    },
  };
  // Flags come first, right after the keyword; `\G` keeps them from matching options of the shell command.
  const leadingFlags = {
    match: `\\G[ \\t]+(--)([A-Za-z][A-Za-z0-9-]*)(?:(=)((?:"(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\s${esc}"']|${esc}(?!\\s*$))*))?`,
    captures: flag.captures,
  };

  // RUN's own flags written on continuation lines before the command (`--mount=…` one per line).
  const continuationRunFlags = {
    match: `^[ \\t]+(--)(mount|network|security)(?:(=)((?:"(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\s${esc}"']|${esc}(?!\\s*$))*))?(?=\\s|$)`,
    captures: flag.captures,
  };

  const execForm = {
    // `[` then a JSON string or `]`: the exec form. `RUN [ -f x ]` stays a shell command.
    begin: '(?<=^|\\s)(\\[)(?=\\s*(?:"|\\]|$|' + esc + '))',
    beginCaptures: { 1: { name: 'punctuation.definition.array.begin.dockerfile' } },
    end: `(\\])|${instructionEnd}`,
    endCaptures: { 1: { name: 'punctuation.definition.array.end.dockerfile' } },
    name: 'meta.structure.array.exec-form.dockerfile',
    patterns: [
      ...lineBasics,
      { include: '#jsonString' },
      { match: ',', name: 'punctuation.separator.array.dockerfile' },
    ],
  };

  // Shell code is embedded one physical line at a time, through a capture: the shell grammar
  // then sees only that line's text (up to the continuation), so nothing it leaves open can
  // swallow the continuation, a comment line or the here-document terminator that follows.
  // The shell grammar starts a command only after a line start or a separator; ours starts after
  // the keyword, so the first command of the line is opened here, with the shell grammar's rules.
  const firstShellStatement = {
    begin: '(?<![^ \\t])(?!(?:if|for|while|until|case|function|select|then|do|else|elif|fi|done|esac)(?:[ \\t;]|$)|[{(!\\[#&|;<>])(?=[^\\s])',
    end: '(?=[\\n&);`{|}]|[ \\t]*#|])(?<!\\\\)',
    name: 'meta.statement.shell',
    patterns: [{ include: 'source.shell#typical_statements' }],
  };
  const shellLineText = (capture) => ({ [capture]: { name: 'meta.embedded.shell.dockerfile', patterns: [firstShellStatement, { include: 'source.shell' }] } });
  const notHeredocMarker = `(?!<<-?[ \\t]*["']?[A-Za-z0-9_])`;
  const shellLine = {
    match: `([^\\s](?:${notHeredocMarker}.)*?)(?:(${esc})[ \\t]*\\n|$)`,
    captures: { ...shellLineText(1), 2: { name: 'constant.character.escape.continuation.dockerfile' } },
  };
  const heredocBegin = `(<<-?)[ \\t]*(["']?)([A-Za-z0-9_][A-Za-z0-9_.-]*)(\\2)`;
  const heredocCaptures = {
    1: { name: 'keyword.operator.heredoc.dockerfile' },
    2: { name: 'punctuation.definition.string.heredoc.quote.dockerfile' },
    3: { name: 'entity.name.tag.heredoc.delimiter.dockerfile' },
    4: { name: 'punctuation.definition.string.heredoc.quote.dockerfile' },
  };
  const heredocEnd = { end: '^\\t*(\\3)[ \\t]*$', endCaptures: { 1: { name: 'entity.name.tag.heredoc.delimiter.dockerfile' } } };
  const shellHeredoc = {
    // A RUN here-document: the rest of its line and its body are a script, highlighted as shell.
    begin: heredocBegin,
    beginCaptures: heredocCaptures,
    ...heredocEnd,
    name: 'meta.heredoc.dockerfile',
    patterns: [
      { match: '\\G(.+)$', captures: shellLineText(1) },
      { match: '^(.*)$', captures: shellLineText(1) },
    ],
  };
  const fileHeredoc = {
    // A COPY/ADD here-document: the body is file content.
    begin: heredocBegin,
    beginCaptures: heredocCaptures,
    ...heredocEnd,
    name: 'meta.heredoc.dockerfile',
    contentName: 'string.unquoted.heredoc.dockerfile',
    patterns: [{ include: '#variable' }],
  };
  // The shell command of a shell-form RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD, line by line.
  const shellCommand = { patterns: [{ include: r('shellHeredoc') }, shellLine] };

  const instruction = (keyword, patterns, name = keyword.toLowerCase()) => ({
    begin: `(?i)(?:^|\\G)[ \\t]*(${keyword})(?=[ \\t]|$|${esc})`,
    beginCaptures: { 1: { name: 'keyword.other.instruction.dockerfile' } },
    end: instructionEnd,
    // An empty line inside a continuation (BuildKit skips it) matches where the end would.
    applyEndPatternLast: true,
    name: `meta.instruction.${name}.dockerfile`,
    patterns: [...lineBasics, ...patterns],
  });

  const words = [{ include: '#variable' }, { include: '#quotedString' }];
  const repository = {
    [`continuation${suffix}`]: continuation,
    [`continuationComment${suffix}`]: continuationComment,
    [`emptyLine${suffix}`]: emptyLine,
    [`flag${suffix}`]: flag,
    [`flagFrom${suffix}`]: flagValueStage,
    [`leadingFlags${suffix}`]: leadingFlags,
    [`continuationRunFlags${suffix}`]: continuationRunFlags,
    [`execForm${suffix}`]: execForm,
    [`shellHeredoc${suffix}`]: shellHeredoc,
    [`fileHeredoc${suffix}`]: fileHeredoc,
    [`shellCommand${suffix}`]: shellCommand,
    [`instructions${suffix}`]: {
      patterns: [
        instruction('FROM', [
          { include: r('flag') },
          {
            match: '(?i)(?<=\\s)(AS)(?:([ \\t]+)([A-Za-z][A-Za-z0-9_.-]*))?(?=\\s|$)',
            captures: { 1: { name: 'keyword.other.as.dockerfile' }, 3: { name: 'entity.name.section.stage.dockerfile' } },
          },
          { include: '#variable' },
          { match: `(?<=\\s)(?:[^\\s$${esc}]|\\$(?!\\{|[A-Za-z_]))+`, name: 'entity.name.type.image.dockerfile' },
        ]),
        instruction('(?:RUN|CMD|ENTRYPOINT)', [{ include: r('leadingFlags') }, { include: r('continuationRunFlags') }, { include: r('execForm') }, { include: r('shellCommand') }], 'command'),
        instruction('HEALTHCHECK', [
          { include: r('leadingFlags') },
          { match: '(?i)(?<=\\s)(NONE)\\b', captures: { 1: { name: 'keyword.other.healthcheck-none.dockerfile' } } },
          {
            begin: '(?i)(?<=\\s)(CMD)(?=\\s|$)',
            beginCaptures: { 1: { name: 'keyword.other.healthcheck-cmd.dockerfile' } },
            end: instructionEnd,
            patterns: [...lineBasics, { include: r('execForm') }, { include: r('shellCommand') }],
          },
        ]),
        instruction('(?:COPY|ADD)', [{ include: r('flagFrom') }, { include: r('flag') }, { include: r('execForm') }, { include: r('fileHeredoc') }, ...words], 'copy'),
        instruction(
          '(?:ENV|ARG|LABEL)',
          [
            { include: '#keyValue' },
            // `ARG NAME` without a default, and the legacy `ENV NAME value`.
            { match: '\\G[ \\t]+([A-Za-z_][A-Za-z0-9_.-]*)(?=[ \\t]|$)', captures: { 1: { name: 'variable.other.definition.dockerfile' } } },
            ...words,
          ],
          'key-value',
        ),
        instruction('EXPOSE', [
          { include: '#variable' },
          {
            match: '\\b(\\d+(?:-\\d+)?)(?:(/)(tcp|udp|sctp))?\\b',
            captures: { 1: { name: 'constant.numeric.port.dockerfile' }, 2: { name: 'punctuation.separator.protocol.dockerfile' }, 3: { name: 'keyword.other.protocol.dockerfile' } },
          },
        ]),
        instruction('(?:SHELL|VOLUME)', [{ include: r('execForm') }, ...words], 'list'),
        instruction('(?:USER|WORKDIR|STOPSIGNAL|MAINTAINER)', words, 'single'),
        {
          begin: `(?i)(?:^|\\G)[ \\t]*(ONBUILD)(?=[ \\t]|$)`,
          beginCaptures: { 1: { name: 'keyword.other.instruction.dockerfile' } },
          end: instructionEnd,
          applyEndPatternLast: true,
          name: 'meta.instruction.onbuild.dockerfile',
          // The trigger starts where ONBUILD ends: `\G` anchors its keyword there.
          patterns: [...lineBasics, { include: r('instructions') }],
        },
        {
          // An unknown instruction: no colour for its keyword, but its continuation lines stay its own.
          begin: `^[ \\t]*(?=[A-Za-z])(?!(?i:${INSTRUCTIONS.join('|')})(?:[ \\t]|$))`,
          end: instructionEnd,
          applyEndPatternLast: true,
          name: 'meta.instruction.unknown.dockerfile',
          patterns: [...lineBasics, { include: '#variable' }],
        },
      ],
    },
  };
  return repository;
}

const shared = {
  directive: {
    match: '^[ \\t]*(#)[ \\t]*((?i:syntax|escape|check))[ \\t]*(=)[ \\t]*(.*?)[ \\t]*$',
    captures: {
      0: { name: 'meta.directive.dockerfile' },
      1: { name: 'comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile' },
      2: { name: 'keyword.other.directive.dockerfile' },
      3: { name: 'keyword.operator.assignment.dockerfile' },
      4: { name: 'string.unquoted.directive.dockerfile' },
    },
  },
  comment: {
    match: '^[ \\t]*(#).*$',
    name: 'comment.line.number-sign.dockerfile',
    captures: { 1: { name: 'punctuation.definition.comment.dockerfile' } },
  },
  variable: {
    patterns: [
      {
        begin: '(\\$\\{)([A-Za-z_][A-Za-z0-9_]*)',
        beginCaptures: { 1: { name: 'punctuation.definition.variable.begin.dockerfile' }, 2: { name: 'variable.other.dockerfile' } },
        end: '\\}',
        endCaptures: { 0: { name: 'punctuation.definition.variable.end.dockerfile' } },
        name: 'meta.variable.braced.dockerfile',
        patterns: [
          { match: ':?[-+?]', name: 'keyword.operator.substitution.dockerfile' },
          { match: '#{1,2}|%{1,2}|/{1,2}', name: 'keyword.operator.substitution.dockerfile' },
          { include: '#variable' },
        ],
      },
      {
        match: '(\\$)([A-Za-z_][A-Za-z0-9_]*)',
        captures: { 1: { name: 'punctuation.definition.variable.dockerfile' }, 2: { name: 'variable.other.dockerfile' } },
        name: 'meta.variable.dockerfile',
      },
    ],
  },
  quotedString: {
    patterns: [
      {
        begin: '"',
        end: '"|(?<![\\\\`])$',
        name: 'string.quoted.double.dockerfile',
        patterns: [{ match: '\\\\[\\\\"$]', name: 'constant.character.escape.dockerfile' }, { include: '#variable' }],
      },
      { begin: "'", end: "'|(?<![\\\\`])$", name: 'string.quoted.single.dockerfile' },
    ],
  },
  jsonString: {
    begin: '"',
    end: '"|(?<![\\\\`])$',
    name: 'string.quoted.double.json.dockerfile',
    patterns: [{ match: '\\\\(?:["\\\\/bfnrt]|u[0-9A-Fa-f]{4})', name: 'constant.character.escape.json.dockerfile' }],
  },
  keyValue: {
    match: '(?<=\\s|^)([A-Za-z_][A-Za-z0-9_.-]*)(=)',
    captures: { 1: { name: 'variable.other.definition.dockerfile' }, 2: { name: 'keyword.operator.assignment.dockerfile' } },
  },
  flagFields: {
    // `type=cache,target=/root/.cache`: keys of comma-separated fields.
    match: '(?<=^|,|=)([a-z][a-z-]*)(=)',
    captures: { 1: { name: 'variable.parameter.flag-field.dockerfile' }, 2: { name: 'keyword.operator.assignment.dockerfile' } },
  },
};

const grammar = {
  $comment: 'Generated by syntaxes/dockerfile.grammar.mjs: edit that file, then run it.',
  name: 'Dockerfile',
  scopeName: 'source.dockerfile',
  patterns: [
    {
      // `# escape=\`` switches the rest of the file to the backtick escape character.
      begin: '^[ \\t]*(#)[ \\t]*((?i:escape))[ \\t]*(=)[ \\t]*(`)[ \\t]*$',
      beginCaptures: {
        0: { name: 'meta.directive.dockerfile' },
        1: { name: 'comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile' },
        2: { name: 'keyword.other.directive.dockerfile' },
        3: { name: 'keyword.operator.assignment.dockerfile' },
        4: { name: 'string.unquoted.directive.dockerfile' },
      },
      end: '(?!)',
      patterns: [{ include: '#directive' }, { include: '#comment' }, { include: '#instructionsBacktick' }],
    },
    { include: '#directive' },
    { include: '#comment' },
    { include: '#instructions' },
  ],
  repository: { ...shared, ...mode('', '\\'), ...mode('Backtick', '`') },
};

const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(output, 'utf8');
  if (current !== json) {
    console.error('syntaxes/dockerfile.tmLanguage.json is stale: run `node syntaxes/dockerfile.grammar.mjs`.');
    process.exit(1);
  }
} else {
  writeFileSync(output, json);
}
