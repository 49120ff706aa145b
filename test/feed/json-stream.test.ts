import { expect } from '@open-wc/testing';
import { splitJsonArray } from '../../src/feed/parse/json-stream.js';

/** Feeds `pieces` to a fresh splitter; the parsed elements and whether the array was well formed. */
function split(pieces: string[]): { items: unknown[]; ok: boolean } {
  const splitter = splitJsonArray();
  const texts = pieces.flatMap((piece) => splitter.push(piece));
  return { items: texts.map((text) => JSON.parse(text)), ok: splitter.end() };
}

// Strings holding every character the splitter looks at, escapes (\" and \\ and \u), nesting.
const TRICKY = String.raw`
  [ {"title": "Commas, [brackets] and {braces}", "q": "say \"hi\", ok]", "path": "C:\\dir\\", "u": "\u00e9\u2028"},
    [1, [2, [3, "]"]], {"a": []}],
    "plain",
    -1.5e3, true, null,
    {"nested": {"deep": [{"x": "\\\""}]}} ]
`;

describe('splitJsonArray', () => {
  it('gives the same elements as JSON.parse wherever the text is cut in two', () => {
    const expected = JSON.parse(TRICKY);
    for (let cut = 0; cut <= TRICKY.length; cut++) {
      const { items, ok } = split([TRICKY.slice(0, cut), TRICKY.slice(cut)]);
      expect(ok, `cut at ${cut}`).to.equal(true);
      expect(items, `cut at ${cut}`).to.deep.equal(expected);
    }
  });

  it('gives the same elements when fed one character at a time', () => {
    const { items, ok } = split([...TRICKY]);
    expect(ok).to.equal(true);
    expect(items).to.deep.equal(JSON.parse(TRICKY));
  });

  it('keeps a backslash that ends a chunk attached to the character after it', () => {
    // `"a\` | `",` : the quote after the cut is escaped, the string goes on.
    const { items, ok } = split(['["a\\', '", b", "c"]']);
    expect(ok).to.equal(true);
    expect(items).to.deep.equal(['a", b', 'c']);
  });

  it('returns each element as soon as the comma or bracket after it arrives', () => {
    const splitter = splitJsonArray();
    expect(splitter.push('[{"a":1}')).to.deep.equal([]);
    expect(splitter.push(',{"b"')).to.deep.equal(['{"a":1}']);
    expect(splitter.push(':2}]')).to.deep.equal(['{"b":2}']);
    expect(splitter.end()).to.equal(true);
  });

  it('accepts an empty array and whitespace (a BOM included) around it', () => {
    expect(split(['\ufeff \n[', ' ]\n '])).to.deep.equal({ items: [], ok: true });
  });

  it('refuses what JSON.parse refuses around the elements', () => {
    for (const text of ['[1,]', '[,1]', '[1,,2]', '[1}', '[1] x', '[1]]', '[1', '[ "open', '{"a": [1]}', '"text"', 'x[1]', '']) {
      expect(split([text]).ok, text).to.equal(false);
    }
  });
});
