import { expect } from '@open-wc/testing';
import { readableParts, readableText, texToText } from '../src/internal/readable.js';

describe('readable text', () => {
  describe('TeX', () => {
    const cases: [string, string][] = [
      ['Sharp bounds for $\\ell_p$ norms', 'Sharp bounds for ℓₚ norms'],
      ['$\\alpha \\times \\beta \\leq \\gamma$', 'α × β ≤ γ'],
      ['Embedding in $\\mathbb{R}^{d}$', 'Embedding in ℝᵈ'],
      ['$x^{2}_{i}$ and $x^2$', 'x²ᵢ and x²'],
      ['$O(n^{1.5})$', 'O(n^(1.5))'],
      ['$x_{i,j}$', 'x_(i,j)'],
      ['$\\frac{1}{2}$ and $\\frac{a+b}{c}$', '1/2 and (a+b)/c'],
      ['$\\sqrt{n}$, $\\sqrt[3]{xy}$', '√n, √(xy)'],
      ['$\\hat{y}$', 'ŷ'],
      ['$\\mathcal{L}_{\\text{KL}}$', 'L_(KL)'],
      ['$\\log n$ and $\\max_i$', 'log n and maxᵢ'],
      ['$\\{a, b\\}$ costs $100\\%$', '{a, b} costs 100%'],
      ['Display $$E = mc^2$$ and \\(a \\to b\\)', 'Display E = mc² and a → b'],
      ['$W^\\top x$', 'Wᵀ x'],
    ];
    for (const [input, output] of cases) {
      it(`${input} → ${output}`, () => {
        expect(readableText(input)).to.equal(output);
      });
    }

    it('leaves prices and lone dollars alone', () => {
      expect(readableText('It costs $5 and $10 a month')).to.equal('It costs $5 and $10 a month');
      expect(readableText('A $ sign')).to.equal('A $ sign');
    });

    it('reads commands named like Object methods by their name, not as table entries', () => {
      expect(readableText('$\\toString$, $\\hasOwnProperty{x}$ and $\\constructor$')).to.equal('toString, hasOwnPropertyx and constructor');
    });

    it('reads unknown commands by their name and survives unbalanced braces', () => {
      expect(texToText('\\foo{x')).to.equal('foox');
      expect(texToText('\\frac{1}')).to.equal('1/');
    });
  });

  describe('markdown emphasis', () => {
    it('turns **x**, __x__, *x* and _x_ into flagged runs without markers', () => {
      expect(readableParts('Use **top-H** with *care*, __bold__ and _slanted_ text')).to.deep.equal([
        { text: 'Use ' },
        { text: 'top-H', strong: true },
        { text: ' with ' },
        { text: 'care', em: true },
        { text: ', ' },
        { text: 'bold', strong: true },
        { text: ' and ' },
        { text: 'slanted', em: true },
        { text: ' text' },
      ]);
    });

    it('nests emphasis inside strong', () => {
      expect(readableParts('**a *b* c**')).to.deep.equal([
        { text: 'a ', strong: true },
        { text: 'b', strong: true, em: true },
        { text: ' c', strong: true },
      ]);
    });

    it('keeps snake_case, arithmetic and lone markers as written', () => {
      expect(readableText('snake_case_name, 2*3*4, a * b, 5 * 6')).to.equal('snake_case_name, 2*3*4, a * b, 5 * 6');
    });

    it('keeps Python dunder names and double-underscore snake names as written (review #27)', () => {
      expect(readableParts('What happens in __init__? Tracing obj.__call__() and __main__')).to.deep.equal([
        { text: 'What happens in __init__? Tracing obj.__call__() and __main__' },
      ]);
      expect(readableText('my__var__name, foo__bar__ and __getitem__.py')).to.equal('my__var__name, foo__bar__ and __getitem__.py');
    });

    it('still reads real __strong__ text next to a dunder name', () => {
      expect(readableParts('Why __init__ is __really slow__ and __bold__')).to.deep.equal([
        { text: 'Why __init__ is ' },
        { text: 'really slow', strong: true },
        { text: ' and ' },
        { text: 'bold', strong: true },
      ]);
    });

    it('does not pair markers produced by math with markers in prose', () => {
      expect(readableParts('**$x_{i,j}$ bounds** for $a^*$')).to.deep.equal([
        { text: 'x_(i,j) bounds', strong: true },
        { text: ' for a∗' },
      ]);
    });
  });

  describe('text only', () => {
    it('keeps markup as literal text and collapses whitespace', () => {
      expect(readableText('  <img src=x onerror=alert(1)>\n\n  Title  ')).to.equal('<img src=x onerror=alert(1)> Title');
    });

    it('gives nothing for empty or non-string input', () => {
      expect(readableParts('')).to.deep.equal([]);
      expect(readableParts(undefined)).to.deep.equal([]);
      expect(readableParts(42)).to.deep.equal([]);
    });
  });
});
