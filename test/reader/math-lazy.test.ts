import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { mathText } from '../../src/reader/math.js';

// Its own file, so it runs in a fresh page: temml must not have been loaded by another test.
const temmlLoaded = () => performance.getEntriesByType('resource').some((entry) => /temml/.test(entry.name));

describe('reader: math loads temml only when needed', () => {
  it('a page without math never requests temml; the first formula does', async () => {
    const plain = await fixture<HTMLElement>(html`<p>${mathText('Costs $5 and $10: no math here')}</p>`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(plain.textContent).to.equal('Costs $5 and $10: no math here');
    expect(temmlLoaded()).to.equal(false);
    const math = await fixture<HTMLElement>(html`<p>${mathText('The $\\ell_p$-norm')}</p>`);
    await waitUntil(() => math.querySelector('math'), 'MathML rendered');
    expect(temmlLoaded()).to.equal(true);
  });
});
