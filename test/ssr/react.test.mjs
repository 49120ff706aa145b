// React 19 on the server (react-dom/server): what it writes for <paperfeed-card>, and the recipe
// the README gives for real content (paperfeed/ssr's HTML inside the React tree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { renderCard } from '../../src/ssr/index.ts';
import { shadowRoots, text } from './helpers.mjs';

const paper = { id: '1', title: 'Rendered by React', authors: [{ name: 'Ada' }], authorCount: 1, summary: '', tags: [], publishedAt: '2026-11-02T00:00:00.000Z', url: 'https://example.org/1', source: 'custom' };

test('React 19 alone writes the attributes of a custom element and leaves an object prop out: an empty card', () => {
  const out = renderToString(createElement('paperfeed-card', { variant: 'compact', 'heading-level': 2, className: 'pick', paper }));
  assert.equal(out, '<paperfeed-card variant="compact" heading-level="2" class="pick"></paperfeed-card>');
});

test('with paperfeed/ssr inside, React serves the card with its declarative shadow DOM and text', async () => {
  // The HTML is paperfeed's own render: feed strings in it are escaped text (test/ssr/api.test.mjs).
  const card = await renderCard(paper, { variant: 'compact' });
  const out = renderToString(createElement('section', { className: 'picks', dangerouslySetInnerHTML: { __html: card } }));
  assert.equal(shadowRoots(out, 'paperfeed-card'), 1);
  assert.match(text(out), /Rendered by React/);
  assert.match(text(out), /Nov 2, 2026/);
});
