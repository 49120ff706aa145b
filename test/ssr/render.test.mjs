// @lit-labs/ssr renders every element, in every state, to declarative shadow DOM with real content
// (Node, no DOM: any `document`/`window`/`navigator` access while rendering throws here).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { html } from 'lit';
import { renderTemplate } from '../../src/ssr/index.ts';
import { shadowRoots, text } from './helpers.mjs';

const paper = {
  id: '2511.00001',
  title: 'Sparse <b>attention</b> & friends',
  authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }],
  authorCount: 2,
  summary: 'We study attention.',
  publishedAt: '2026-11-30T15:30:00.000Z',
  url: 'https://arxiv.org/abs/2511.00001',
  pdfUrl: 'https://arxiv.org/pdf/2511.00001',
  tags: ['transformers'],
  upvotes: 1234,
  source: 'custom',
};

describe('SSR: every entry point imports in Node', () => {
  for (const entry of ['index', 'card', 'list', 'subscribe', 'feed', 'paperfeed', 'ssr/index', 'eleventy/index']) {
    test(`src/${entry}.ts`, async () => {
      await assert.doesNotReject(import(`../../src/${entry}.ts`));
    });
  }
});

describe('SSR: <paperfeed-card>', () => {
  test('with a paper: declarative shadow DOM holding the title link, authors, date and links as text', async () => {
    const out = await renderTemplate(html`<paperfeed-card .paper=${paper}></paperfeed-card>`);
    assert.equal(shadowRoots(out, 'paperfeed-card'), 1);
    const words = text(out);
    // The title's markup stays text: "<b>" is shown, never parsed.
    assert.match(words, /Sparse <b>attention<\/b> & friends/);
    assert.ok(!out.includes('<b>attention'), 'the title is escaped');
    assert.match(words, /Ada Lovelace, Alan Turing/);
    assert.match(out, /<a href="https:\/\/arxiv.org\/abs\/2511.00001"/);
    assert.match(out, /<a href="https:\/\/arxiv.org\/pdf\/2511.00001"/);
    // The server writes a fixed date (absolute, UTC), never "3 hours ago": the page is read later.
    assert.match(out, /<time datetime="2026-11-30T15:30:00.000Z" title="Monday, November 30, 2026 at 3:30:00\sPM UTC"><!--lit-part-->Nov 30, 2026<!--\/lit-part--><\/time>/);
    assert.match(words, /1,234 upvotes/);
  });

  test('the language comes from its lang attribute', async () => {
    const out = await renderTemplate(html`<paperfeed-card lang="de" .paper=${paper}></paperfeed-card>`);
    assert.match(text(out), /30\.11\.2026/);
    assert.match(text(out), /1\.234/);
  });

  test('without a paper: the skeleton, hidden from assistive technology', async () => {
    const out = await renderTemplate(html`<paperfeed-card></paperfeed-card>`);
    assert.equal(shadowRoots(out, 'paperfeed-card'), 1);
    assert.match(out, /<article part="card" class="card skeleton" aria-hidden="true">/);
    assert.equal(text(out), '');
  });
});

describe('SSR: <paperfeed-subscribe>', () => {
  test('the form with its labelled email field and button', async () => {
    const out = await renderTemplate(html`<paperfeed-subscribe action="https://example.org/subscribe"></paperfeed-subscribe>`);
    assert.equal(shadowRoots(out, 'paperfeed-subscribe'), 1);
    assert.match(out, /<form[^>]*part="form"/);
    assert.match(out, /<input[^>]*type="email"/);
    assert.match(out, /action="https:\/\/example.org\/subscribe"/);
    assert.match(text(out), /Subscribe/);
  });
});

describe('SSR: <paperfeed-list> with papers', () => {
  test('loaded: a card per paper, each with its own shadow root, the heading and the count announced', async () => {
    const papers = [paper, { ...paper, id: '2', title: 'Second paper' }];
    const out = await renderTemplate(html`<paperfeed-list heading="Reading" .papers=${papers}></paperfeed-list>`);
    assert.equal(shadowRoots(out, 'paperfeed-list'), 1);
    assert.equal(shadowRoots(out, 'paperfeed-card'), 2);
    const words = text(out);
    assert.match(words, /Reading/);
    assert.match(words, /Sparse <b>attention<\/b> & friends/);
    assert.match(words, /Second paper/);
    assert.match(words, /2 papers loaded/);
    assert.match(out, /<ul part="list" class="list" aria-busy="false"\s*>/);
    // Cards inside the list wait for the list to hydrate them.
    assert.match(out, /<paperfeed-card[^>]*defer-hydration/);
  });

  test('empty: the empty message', async () => {
    const out = await renderTemplate(html`<paperfeed-list .papers=${[]}></paperfeed-list>`);
    assert.match(text(out), /No papers found\./);
    assert.equal(shadowRoots(out, 'paperfeed-card'), 0);
  });

  test('a src without server data: the loading skeletons, at their final size', async () => {
    const out = await renderTemplate(html`<paperfeed-list src="https://example.org/feed.json" limit="3"></paperfeed-list>`);
    assert.match(out, /aria-busy="true"/);
    assert.equal(shadowRoots(out, 'paperfeed-card'), 3);
    assert.match(text(out), /Loading papers…/);
  });
});
