// paperfeed/ssr's Node API: renderList fetches through the feed engine (fetch hook, no network)
// and returns the list's HTML with the data it rendered embedded; renderCard embeds its paper.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { renderList, renderCard, FeedError } from '../../src/ssr/index.ts';
import { setClock } from '../../src/internal/clock.ts';
import { fakeFetch, fixture, shadowRoots, text } from './helpers.mjs';

const HF = 'https://huggingface.co/api/daily_papers';
const JSONFEED = 'https://reading.example.org/feed.json';
const embedded = (html) => JSON.parse(html.match(/<script type="application\/json" data-paperfeed>([\s\S]*?)<\/script>/)[1]);

describe('renderList', () => {
  test('an HF feed: every paper as text in declarative shadow DOM, the data embedded for hydration', async () => {
    setClock(Date.parse('2026-12-01T10:00:00Z'));
    try {
      const fetch = fakeFetch({ [HF]: [200, 'application/json', fixture('hf-daily-papers.json')] });
      const out = await renderList({ src: HF, limit: 10, heading: 'Daily papers', fetch });
      assert.deepEqual(fetch.requests, [HF]);
      assert.equal(shadowRoots(out, 'paperfeed-list'), 1);
      assert.equal(shadowRoots(out, 'paperfeed-card'), 3);
      assert.match(out, /^<paperfeed-list [^>]*src="https:\/\/huggingface.co\/api\/daily_papers"[^>]*state="loaded"/);
      assert.match(out, /^<paperfeed-list [^>\n]*>\n<template shadowroot/, 'the open tag alone on its line');
      assert.match(out, /<\/paperfeed-list>$/);
      const words = text(out);
      assert.match(words, /Daily papers/);
      assert.match(words, /Speculative Cascades for Parallel Decoding/);
      assert.match(words, /<img src=x onerror=alert\(1\)>Hostile Titles Stay Text/);
      assert.match(words, /Mira Okafor/);
      assert.match(words, /3 papers loaded/);
      // A Hugging Face src gets the day / week / month bar on the server as in the browser.
      assert.match(out, /part="periods"/);
      assert.match(words, /Day Week Month/);
      const data = embedded(out);
      assert.equal(data.src, HF);
      assert.equal(data.fetchedAt, Date.parse('2026-12-01T10:00:00Z'));
      assert.equal(data.maxAge, 3600);
      assert.equal(data.papers.length, 3);
      assert.equal(data.papers[2].title, '<img src=x onerror=alert(1)>Hostile Titles Stay Text');
    } finally {
      setClock();
    }
  });

  test('feed strings cannot leave the embedded script: "</script>" and "<!--" are escaped', async () => {
    const hostile = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'x',
      items: [{ id: '1', title: '</script><script>alert(1)</script><!--', url: 'https://example.org/1', summary: 'a & b' }],
    });
    const src = 'https://example.org/hostile.json';
    const out = await renderList({ src, fetch: fakeFetch({ [src]: [200, 'application/feed+json', hostile] }) });
    const script = out.slice(out.indexOf('<script'));
    // One script element, and it closes where we closed it.
    assert.equal((out.match(/<script/g) ?? []).length, 1);
    assert.equal(script.indexOf('</script>'), script.lastIndexOf('</script>'));
    assert.ok(!/<!--|<\/script><script/.test(script.slice(0, script.indexOf('</script>'))));
    assert.equal(embedded(out).papers[0].title, '</script><script>alert(1)</script><!--');
    assert.match(text(out.slice(0, out.indexOf('<script'))), /<\/script><script>alert\(1\)<\/script><!--/);
  });

  test('lang, layout and heading-level reach the element; maxAge null is written as null', async () => {
    // content_text only: HTML content needs the data layer's Node parser (issue 11 part 4, src/feed/).
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1', title: 'Un article', url: 'https://example.org/1', content_text: 'Résumé.', date_published: '2026-11-20T00:00:00Z' }] };
    const fetch = fakeFetch({ [JSONFEED]: [200, 'application/feed+json', JSON.stringify(feed)] });
    const out = await renderList({ src: JSONFEED, lang: 'fr', layout: 'grid', headingLevel: 3, maxAge: null, noToolbar: true, fetch });
    assert.match(out, /<paperfeed-list[^>]*lang="fr"[^>]*>/);
    assert.match(out, /<paperfeed-list[^>]*layout="grid"/);
    assert.match(out, /<paperfeed-list[^>]*no-toolbar/);
    // No heading on the list: its cards take its own level (issue 12's heading outline).
    assert.match(out, /<paperfeed-card[^>]*heading-level="3"/);
    assert.ok(!out.includes('type="search"'));
    assert.equal(embedded(out).maxAge, null);
    assert.match(text(out), /Un article/);
    assert.match(text(out), /20 nov\. 2026/);
  });

  test('XML feeds in Node (no DOMParser): RSS 2.0, arXiv Atom, and a JSON Feed with content_html render their papers', async () => {
    const rss = 'https://reading.example.org/feed.rss';
    const atom = 'https://export.arxiv.org/api/query?search_query=cat:cs.CL';
    const json = 'https://reading.example.org/html.json';
    const htmlFeed = { version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1', title: 'Marked up', url: 'https://example.org/1', content_html: '<p>Hello <b>bold</b> &amp; <img src=x onerror=alert(1)>world</p>' }] };
    const fetch = fakeFetch({
      [rss]: [200, 'application/rss+xml', fixture('rss2.xml')],
      [atom]: [200, 'application/atom+xml', fixture('arxiv-api.atom.xml')],
      [json]: [200, 'application/feed+json', JSON.stringify(htmlFeed)],
    });
    const fromRss = await renderList({ src: rss, fetch });
    assert.match(fromRss, /state="loaded"/);
    assert.equal(embedded(fromRss).format, 'rss');
    assert.equal(shadowRoots(fromRss, 'paperfeed-card'), 2);
    assert.match(text(fromRss), /Parallel Scaling Law for Language Models/);
    assert.match(text(fromRss), /Hogwild! Inference/);
    const fromAtom = await renderList({ src: atom, fetch });
    assert.equal(embedded(fromAtom).format, 'atom');
    assert.equal(shadowRoots(fromAtom, 'paperfeed-card'), embedded(fromAtom).papers.length);
    assert.ok(embedded(fromAtom).papers.length > 0);
    assert.match(fromAtom, /<a href="https:\/\/arxiv.org\/abs\//);
    const fromJson = await renderList({ src: json, fetch });
    assert.match(text(fromJson), /Hello bold & world/);
    assert.ok(!fromJson.includes('onerror'), 'HTML in a feed is reduced to its words');
  });

  test('limit: the server writes the first `limit` papers and "Load more", as the browser does', async () => {
    const src = 'https://reading.example.org/many.json';
    const items = Array.from({ length: 5 }, (_, i) => ({ id: String(i), title: `Paper number ${i + 1}`, url: `https://example.org/${i}`, content_text: 'x', date_published: `2026-11-2${i}T00:00:00Z` }));
    const body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items });
    const out = await renderList({ src, limit: 2, sort: 'feed', fetch: fakeFetch({ [src]: [200, 'application/feed+json', body] }) });
    assert.equal(shadowRoots(out, 'paperfeed-card'), 2);
    assert.match(text(out), /Paper number 1/);
    assert.match(text(out), /Paper number 2/);
    assert.doesNotMatch(text(out), /Paper number 3/);
    assert.match(text(out), /Load more/);
    // Every paper is embedded: "Load more" in the browser shows the next ones without a fetch.
    assert.equal(embedded(out).papers.length, 5);
  });

  test('a fetch option is for that render only: the next renderList without one uses the global fetch', async () => {
    const first = 'https://reading.example.org/first.json';
    const second = 'https://reading.example.org/second.json';
    const feed = (title) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: title, title, url: 'https://example.org/1', content_text: 'x' }] });
    await renderList({ src: first, fetch: fakeFetch({ [first]: [200, 'application/feed+json', feed('From the fetch option')] }) });
    const global = globalThis.fetch;
    const asked = [];
    globalThis.fetch = async (input) => {
      asked.push(String(input));
      return new Response(feed('From the global fetch'), { headers: { 'content-type': 'application/feed+json' } });
    };
    try {
      const out = await renderList({ src: second });
      assert.deepEqual(asked, [second]);
      assert.match(text(out), /From the global fetch/);
    } finally {
      globalThis.fetch = global;
    }
  });

  test('an empty feed: the empty state', async () => {
    const src = 'https://example.org/empty.json';
    const body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [] });
    const out = await renderList({ src, fetch: fakeFetch({ [src]: [200, 'application/feed+json', body] }) });
    assert.match(out, /state="empty"/);
    assert.match(text(out), /No papers found\./);
  });

  test('a failing feed rejects with the FeedError loadFeed gives', async () => {
    const src = 'https://example.org/down.json';
    const fetch = fakeFetch({ [src]: [500, 'text/plain', 'boom'] });
    await assert.rejects(renderList({ src, fetch }), (error) => error instanceof FeedError && error.kind === 'http' && error.status === 500);
    await assert.rejects(renderList({ src: 'ftp://example.org/x', fetch }), (error) => error instanceof FeedError && error.kind === 'config');
  });

  test('onError "render": the error state, its message and Retry, and the error embedded', async () => {
    const src = 'https://example.org/down2.json';
    const out = await renderList({ src, onError: 'render', fetch: fakeFetch({ [src]: [503, 'text/plain', 'down'] }) });
    assert.match(out, /state="error"/);
    assert.match(out, /part="error"/);
    assert.match(text(out), /Retry/);
    assert.match(text(out), /503/);
    assert.equal(embedded(out).error.kind, 'http');
  });
});

describe('renderCard', () => {
  test('the card with its paper embedded', async () => {
    const paper = { id: '1', title: 'A </script> title', authors: [{ name: 'Ada' }], authorCount: 1, summary: '', tags: [], publishedAt: '2026-11-02T00:00:00.000Z', url: 'https://example.org/1', source: 'custom' };
    const out = await renderCard(paper, { variant: 'compact', headingLevel: 2 });
    assert.equal(shadowRoots(out, 'paperfeed-card'), 1);
    assert.match(out, /<h2 [^>]*part="title"/);
    assert.match(text(out), /A <\/script> title/);
    assert.match(text(out), /Nov 2, 2026/);
    assert.deepEqual(embedded(out).paper, paper);
  });
});
