import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { readableText } from '../../src/internal/readable.js';
import { MATHML_NS, hasMath, mathFromMarkup, mathSegments, mathText, renderFormula, renderMathText } from '../../src/reader/math.js';
import { activeElements, allElements, dialogGuard, settle, unsafeAttributes, xssFlag } from '../security/helpers.js';
import { rawXmlPayloads, xssPayloads } from '../security/xss-corpus.js';

const ALLOWED = new Set([
  'math', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup', 'mfrac', 'msqrt', 'mroot',
  'mstyle', 'mpadded', 'mphantom', 'menclose', 'munder', 'mover', 'munderover', 'mtable', 'mtr', 'mtd', 'mlabeledtr',
  'mmultiscripts', 'mprescripts', 'none', 'merror', 'semantics', 'annotation',
]);

/** Every element under a <math> is allow-listed MathML; no attribute can act or load. */
function expectCleanMath(root: Element, context: string) {
  for (const math of root.querySelectorAll('math')) {
    for (const el of allElements(math)) {
      expect(el.namespaceURI, `${context}: <${el.localName}> namespace`).to.equal(MATHML_NS);
      expect(ALLOWED.has(el.localName), `${context}: <${el.localName}> allowed`).to.equal(true);
      for (const attr of el.attributes) {
        expect(attr.name, `${context}: attribute on <${el.localName}>`).to.not.match(/^(on|href|src|style|class|id|xlink|xmlns)/i);
        expect(attr.value, context).to.not.match(/javascript:|url\(|data:/i);
      }
    }
  }
  expect(unsafeAttributes(root), context).to.deep.equal([]);
  expect(activeElements(root).map((el) => el.localName), context).to.deep.equal([]);
}

describe('reader: math', () => {
  const guard = dialogGuard();
  beforeEach(() => guard.install());
  afterEach(() => guard.restore());

  describe('detection', () => {
    it('finds $…$, $$…$$, \\(…\\) and \\[…\\], not prices', () => {
      expect(hasMath('The $\\ell_p$-norm')).to.equal(true);
      expect(hasMath('Display $$\\sum_i x_i$$ here')).to.equal(true);
      expect(hasMath('Inline \\(O(n^2)\\) time')).to.equal(true);
      expect(hasMath('Block \\[E=mc^2\\]')).to.equal(true);
      expect(hasMath('Costs $5 and $10 a month')).to.equal(false);
      expect(hasMath('No math at all')).to.equal(false);
      expect(hasMath(undefined)).to.equal(false);
    });

    it('splits prose and formulas, keeping the spaces between them', () => {
      const segments = mathSegments('Bounds on $\\ell_p$ norms, **fast**');
      expect(segments.map((s) => s.kind)).to.deep.equal(['text', 'math', 'text']);
      expect(segments[0]).to.deep.equal({ kind: 'text', parts: [{ text: 'Bounds on ' }] });
      expect(segments[1]).to.include({ tex: '\\ell_p', display: false, text: 'ℓₚ' });
      expect(segments[2]).to.deep.equal({ kind: 'text', parts: [{ text: ' norms, ' }, { text: 'fast', strong: true }] });
    });
  });

  describe('rendering', () => {
    it('turns TeX into MathML, hidden from assistive technology (its reading is beside it)', async () => {
      const math = await renderFormula('\\frac{a}{b} + \\ell_p');
      expect(math).to.be.instanceOf(MathMLElement);
      expect(math!.namespaceURI).to.equal(MATHML_NS);
      expect(math!.querySelector('mfrac')).to.not.equal(null);
      expect(math!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('gives null for TeX temml cannot read, so the Unicode text stays', async () => {
      expect(await renderFormula('\\frac{')).to.equal(null);
      expect(await renderMathText('A $\\frac{$ title')).to.equal(undefined);
    });

    it('refuses \\href, \\url and \\htmlClass: no link or class reaches the page', async () => {
      for (const tex of ['\\href{javascript:alert(1)}{x}', '\\url{javascript:alert(1)}', '\\htmlClass{x}{y}', '\\htmlStyle{background:url(x)}{y}']) {
        const math = await renderFormula(tex);
        if (!math) continue; // refused outright: fine
        const box = document.createElement('div');
        box.append(math);
        expectCleanMath(box, tex);
      }
    });

    it('the directive shows Unicode text first, then MathML, and keeps it on re-render', async () => {
      const title = 'Sparse $\\ell_p$ attention in $O(n \\log n)$';
      const el = document.createElement('h3');
      const view = () => html`${mathText(title)}`;
      render(view(), el);
      // Synchronously, before temml could answer: the Unicode text.
      expect(el.textContent!.replace(/\s+/g, ' ').trim()).to.equal(readableText(title));
      document.body.append(el);
      await waitUntil(() => el.querySelectorAll('math').length === 2, 'MathML rendered');
      // What assistive technology reads: everything but the aria-hidden MathML, i.e. the Unicode text.
      const spoken = [...el.childNodes]
        .flatMap(function read(node: Node): string[] {
          if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return [];
          return node.nodeType === Node.TEXT_NODE ? [node.textContent!] : [...node.childNodes].flatMap(read);
        })
        .join('');
      expect(spoken.replace(/\s+/g, ' ').trim()).to.equal(readableText(title));
      expect([...el.querySelectorAll('.pf-sr')].map((s) => s.textContent)).to.deep.equal(['ℓₚ', 'O(n log n)']);
      render(view(), el);
      expect(el.querySelectorAll('math')).to.have.length(2);
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('renders text without math as plain readable text and never loads temml for it', async () => {
      const el = await fixture<HTMLElement>(html`<p>${mathText('Plain **bold** title')}</p>`);
      expect(el.querySelector('strong')!.textContent).to.equal('bold');
      expect(el.querySelector('math')).to.equal(null);
    });
  });

  describe('sanitizing', () => {
    it('keeps only MathML when the corpus is fed to the sanitizer as markup', () => {
      for (const { name, value } of [...xssPayloads, ...rawXmlPayloads]) {
        for (const markup of [`<math>${value}</math>`, `<math><mi>${value}</mi></math>`, `<math><annotation>${value}</annotation></math>`]) {
          const box = document.createElement('div');
          const math = mathFromMarkup(markup);
          if (math) box.append(math);
          document.body.append(box);
          expectCleanMath(box, name);
          box.remove();
        }
      }
      expect(xssFlag()).to.equal(undefined);
    });

    it('keeps only MathML from hostile markup', () => {
      const hostile = [
        '<math href="javascript:alert(1)" onclick="alert(1)"><mi xlink:href="javascript:alert(1)" style="background:url(javascript:alert(1))" class="x" id="y">x</mi></math>',
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
        '<math><annotation-xml encoding="text/html"><script>alert(1)</script><img src=x onerror=alert(1)></annotation-xml></math>',
        '<math><maction actiontype="statusline"><mi>x</mi><mtext>javascript:alert(1)</mtext></maction></math>',
        '<math><semantics><mi>x</mi><annotation encoding="application/x-tex"><img src=x onerror=alert(1)></annotation></semantics></math>',
        '<math><mi mathvariant="url(javascript:alert(1))">x</mi><svg><script>alert(1)</script></svg></math>',
      ];
      for (const markup of hostile) {
        const math = mathFromMarkup(markup);
        const box = document.createElement('div');
        if (math) box.append(math);
        document.body.append(box);
        expectCleanMath(box, markup);
        expect(box.querySelector('mi')?.attributes.length ?? 0, markup).to.equal(0);
        box.remove();
      }
      expect(xssFlag()).to.equal(undefined);
    });

    it('runs the XSS corpus through every delimiter without running anything', async function () {
      this.timeout(60000);
      const box = await fixture<HTMLElement>(html`<div></div>`);
      const payloads = [...xssPayloads, ...rawXmlPayloads];
      const texts = payloads.flatMap(({ name, value }) => [
        [name, `Title $${value}$ end`],
        [name, `A \\(${value}\\) b`],
        [name, `$$x ${value}$$`],
        [name, `$\\text{${value}}$ and \\[\\mathrm{${value}}\\]`],
      ]);
      render(html`${texts.map(([, text]) => html`<p>${mathText(text)}</p>`)}`, box);
      // Every paragraph either upgraded or kept its Unicode text; wait for all conversions to finish.
      await Promise.all(texts.map(([, text]) => renderMathText(text)));
      await settle(box);
      // temml refuses most payloads (`<`, `#`, `&`, `%` are TeX errors): those keep their Unicode text.
      const converted = box.querySelectorAll('math').length;
      console.log(`[corpus] ${texts.length} texts, ${converted} formulas rendered as MathML`);
      expect(converted, 'some payloads became MathML').to.be.greaterThan(0);
      expectCleanMath(box, 'corpus');
      expect(guard.dialogs).to.deep.equal([]);
      expect(xssFlag()).to.equal(undefined);
    });
  });
});
