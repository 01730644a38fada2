// The parsed-script cache: the same script object while a text is recent, bounded by its size.
import { strict as assert } from 'node:assert';
import { ShellCache } from '../../../server/src/dockerfile/shell/cache';

describe('ShellCache', () => {
  it('returns the script parsed before for the same text', () => {
    const cache = new ShellCache(8);
    const first = cache.parse('apt-get update && apt-get install -y curl');
    assert.equal(cache.parse('apt-get update && apt-get install -y curl'), first);
    assert.deepEqual(first.commands.map((command) => command.words[0].value), ['apt-get', 'apt-get']);
  });

  it('keeps a script used again across a generation change', () => {
    const cache = new ShellCache(8);
    const kept = cache.parse('echo kept');
    for (let index = 0; index < 3; index++) cache.parse(`echo ${index}`);
    // The fifth entry starts a new generation; `echo kept` is still found in the previous one and moves over.
    cache.parse('echo 3');
    assert.equal(cache.parse('echo kept'), kept);
    for (let index = 4; index < 8; index++) cache.parse(`echo ${index}`);
    assert.equal(cache.parse('echo kept'), kept);
  });

  it('drops scripts not used for more than its size', () => {
    const cache = new ShellCache(8);
    const dropped = cache.parse('echo dropped');
    for (let index = 0; index < 8; index++) cache.parse(`echo ${index}`);
    const again = cache.parse('echo dropped');
    assert.notEqual(again, dropped);
    assert.deepEqual(again, dropped);
  });
});
