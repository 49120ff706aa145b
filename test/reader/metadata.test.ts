import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import type { Paper } from '../../src/feed/paper.js';
import { CoinsController, SCHOLARLY_ARTICLE, coinsTitle, scholarlyArticle, scholarlyMicrodata } from '../../src/reader/metadata.js';
import { fixturePapers } from './helpers.js';

type Item = { type: string; props: Record<string, unknown[]> };

/** A microdata reader after the HTML spec's algorithm (itemscope, itemprop values by element). */
function readItem(scope: Element): Item {
  const props: Record<string, unknown[]> = {};
  const walk = (el: Element) => {
    for (const child of el.children) {
      const names = child.getAttribute('itemprop')?.split(/\s+/).filter(Boolean) ?? [];
      let value: unknown;
      if (names.length) {
        if (child.hasAttribute('itemscope')) value = readItem(child);
        else if (child.localName === 'data' || child.localName === 'meter') value = child.getAttribute('value') ?? '';
        else if (child.localName === 'time') value = child.getAttribute('datetime') ?? child.textContent;
        else if (['a', 'link', 'area'].includes(child.localName)) value = (child as HTMLAnchorElement).href;
        else if (child.localName === 'meta') value = child.getAttribute('content') ?? '';
        else value = child.textContent ?? '';
        for (const name of names) (props[name] ??= []).push(value);
      }
      if (!child.hasAttribute('itemscope')) walk(child);
    }
  };
  walk(scope);
  return { type: scope.getAttribute('itemtype') ?? '', props };
}

/** Reads a COinS title back into its keys (a key may repeat). */
function readCoins(title: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of title.split('&')) {
    const [key, value = ''] = pair.split('=');
    (out[key] ??= []).push(decodeURIComponent(value));
  }
  return out;
}

const dayOf = (paper: Paper) => paper.publishedAt.slice(0, 10);

describe('reader: metadata', () => {
  let papers: [string, Paper][];
  before(async () => {
    papers = await fixturePapers();
  });

  it('every fixture paper parses back from microdata to its title, authors, date and identifiers', async () => {
    expect(papers.length).to.be.greaterThan(10);
    for (const [name, paper] of papers) {
      const el = await fixture<HTMLElement>(html`<article itemscope itemtype=${SCHOLARLY_ARTICLE}>${scholarlyMicrodata(paper)}</article>`);
      const item = readItem(el);
      const context = `${name}: ${paper.title}`;
      expect(item.type, context).to.equal('https://schema.org/ScholarlyArticle');
      expect(item.props.name, context).to.deep.equal([paper.title]);
      const authors = (item.props.author ?? []) as Item[];
      expect(authors.map((a) => a.type), context).to.deep.equal(paper.authors.map(() => 'https://schema.org/Person'));
      expect(authors.map((a) => a.props.name[0]), context).to.deep.equal(paper.authors.map((a) => a.name));
      expect(item.props.datePublished, context).to.deep.equal(paper.publishedAt ? [dayOf(paper)] : undefined);
      if (paper.arxivUrl) {
        const id = paper.arxivUrl.split('/abs/')[1];
        expect(item.props.identifier, context).to.deep.equal([`arXiv:${id}`, `doi:10.48550/arXiv.${id}`]);
        if (paper.url !== paper.arxivUrl) expect(item.props.sameAs, context).to.include(paper.arxivUrl);
      } else {
        expect(item.props.identifier, context).to.equal(undefined);
      }
      if (paper.url) expect(item.props.url, context).to.deep.equal([paper.url]);
      if (paper.summary) expect(item.props.abstract, context).to.deep.equal([paper.summary]);
    }
  });

  it('hides the block and keeps hostile titles as attribute text', async () => {
    const hostile = papers.find(([, p]) => p.title.includes('<img'))![1];
    const el = await fixture<HTMLElement>(scholarlyArticle(hostile));
    expect(el.querySelector('img')).to.equal(null);
    expect(el.querySelector<HTMLElement>('.pf-metadata')!.hidden).to.equal(true);
    expect(readItem(el).props.name).to.deep.equal([hostile.title]);
    await expect(el).to.be.accessible();
  });

  it('every fixture paper parses back from COinS', () => {
    for (const [name, paper] of papers) {
      const coins = readCoins(coinsTitle(paper));
      const context = `${name}: ${paper.title}`;
      expect(coins.ctx_ver, context).to.deep.equal(['Z39.88-2004']);
      expect(coins['rft.atitle'], context).to.deep.equal([paper.title]);
      expect(coins['rft.au'] ?? [], context).to.deep.equal(paper.authors.map((a) => a.name));
      expect(coins['rft.date'], context).to.deep.equal(paper.publishedAt ? [dayOf(paper)] : undefined);
      if (paper.arxivUrl) {
        const id = paper.arxivUrl.split('/abs/')[1];
        expect(coins.rft_id, context).to.include.members([`info:arxiv/${id}`, `info:doi/10.48550/arXiv.${id}`]);
        expect(coins['rft.genre'], context).to.deep.equal(['preprint']);
      }
    }
  });

  it('CoinsController keeps Z3988 spans in the light DOM, where Zotero looks', async () => {
    const list = papers.slice(0, 3).map(([, p]) => p);
    class CoinsHost extends LitElement {
      papers: Paper[] = list;
      coins = new CoinsController(this, () => this.papers);
      override render() {
        return litHtml`<p>shadow content</p>`;
      }
    }
    customElements.define('test-coins-host', CoinsHost);
    const el = await fixture<CoinsHost>(html`<test-coins-host></test-coins-host>`);
    const spans = [...document.getElementsByClassName('Z3988')].filter((span) => el.contains(span));
    expect(spans).to.have.length(3);
    expect(readCoins(spans[0].getAttribute('title')!)['rft.atitle']).to.deep.equal([list[0].title]);
    expect(el.querySelector('[data-paperfeed-coins]')!.hasAttribute('hidden')).to.equal(true);
    el.papers = [list[1]];
    el.requestUpdate();
    await el.updateComplete;
    expect(el.querySelectorAll('.Z3988')).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
