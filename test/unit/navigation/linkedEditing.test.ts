// Linked editing of here-document delimiters: the cursor ‸ on one delimiter links exactly the
// «…» spans (the marker's name and the terminator's), or nothing when there is no pair.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { linkedEditingRanges } from '../../../server/src/dockerfile/navigation';
import { EOLS, marked, offsetsOf, withEol } from './markers';

const linked: ReadonlyArray<{ name: string; source: string }> = [
  { name: 'on the marker', source: 'FROM a\nRUN <<«E‸OF»\necho hi\n«EOF»\n' },
  { name: 'on the terminator', source: 'FROM a\nRUN <<«EOF»\necho hi\n«EO‸F»\n' },
  { name: 'just after the marker name', source: 'FROM a\nRUN cat <<«EOF»‸ > /x\nhi\n«EOF»\n' },
  { name: '<<- with a tab-indented terminator', source: 'FROM a\nRUN <<-«EN‸D»\n\techo hi\n\t«END»\n' },
  { name: 'a quoted delimiter: the name inside the quotes', source: "FROM a\nRUN <<'«E‸OF»'\necho $HOME\n«EOF»\n" },
  { name: 'a space after <<', source: 'FROM a\nRUN cat << «DATA‸»\nx\n«DATA»\n' },
  { name: 'the second of two here-documents', source: 'FROM a\nCOPY <<FILE1 <<«FI‸LE2» /dest/\none\nFILE1\ntwo\n«FILE2»\n' },
];

const none: ReadonlyArray<{ name: string; source: string }> = [
  { name: 'an unterminated here-document', source: 'FROM a\nRUN <<E‸OF\necho hi\n' },
  { name: 'a stage name (rename links stages, not linked editing)', source: 'FROM a AS bu‸ild\nFROM build\n' },
  { name: 'a variable', source: 'FROM a\nENV A‸PP=1\nRUN echo $APP\n' },
  { name: 'the body of a here-document', source: 'FROM a\nRUN <<EOF\nec‸ho EOF\nEOF\n' },
  { name: 'a delimiter written in two pieces', source: 'FROM a\nRUN cat <‸<"a"b\nx\nab\n' },
];

describe('linked editing of here-document delimiters', () => {
  for (const [eolName, eol] of EOLS) {
    for (const { name, source } of linked) {
      it(`${name} (${eolName})`, () => {
        const fixture = marked(withEol(source, eol));
        const result = linkedEditingRanges(analyzeText(fixture.text), fixture.cursor);
        assert.ok(result, 'linked ranges');
        assert.deepEqual(result.ranges.map((range) => offsetsOf(fixture.lines, range)), fixture.reads);
        const pattern = new RegExp(`^${result.wordPattern}$`);
        for (const span of fixture.reads) assert.match(fixture.text.slice(span.start, span.end), pattern, 'the delimiter is a word of the pattern');
        assert.doesNotMatch('EOF X', pattern, 'a blank ends the delimiter');
      });
    }
    for (const { name, source } of none) {
      it(`nothing: ${name} (${eolName})`, () => {
        const fixture = marked(withEol(source, eol));
        assert.equal(linkedEditingRanges(analyzeText(fixture.text), fixture.cursor), undefined);
      });
    }
  }
});
