import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/feed/parse/url.js';

describe('safeUrl', () => {
  it('keeps absolute http and https URLs', () => {
    expect(safeUrl('https://arxiv.org/abs/2510.12345')).to.equal('https://arxiv.org/abs/2510.12345');
    expect(safeUrl('http://example.org/a b')).to.equal('http://example.org/a%20b');
  });

  it('trims surrounding whitespace and control characters', () => {
    expect(safeUrl('  https://example.org/\n')).to.equal('https://example.org/');
    expect(safeUrl('\u0000\u001fhttps://example.org/x')).to.equal('https://example.org/x');
  });

  for (const hostile of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/paper.pdf',
  ]) {
    it(`drops ${JSON.stringify(hostile)}`, () => {
      expect(safeUrl(hostile)).to.equal(undefined);
    });
  }

  it('drops relative URLs without a base and resolves them with one', () => {
    expect(safeUrl('/avatars/a.svg')).to.equal(undefined);
    expect(safeUrl('/avatars/a.svg', 'https://huggingface.co')).to.equal('https://huggingface.co/avatars/a.svg');
    expect(safeUrl('javascript:alert(1)', 'https://huggingface.co')).to.equal(undefined);
  });

  it('drops non-strings and empty strings', () => {
    expect(safeUrl(undefined)).to.equal(undefined);
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeUrl('   ')).to.equal(undefined);
    expect(safeUrl('not a url')).to.equal(undefined);
  });
});
