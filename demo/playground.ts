// The feed playground: a form drives one live <paperfeed-list> and writes the embed snippet for
// exactly the same configuration. Everything the reader types reaches the page as attribute values
// or as text (`textContent`), never as markup.
import '../src/paperfeed.js';
import type { ListErrorDetail, ListLoadDetail, PaperfeedList } from '../src/list/paperfeed-list.js';
import hfDaily from '../test/fixtures/hf-daily-papers.json?url';
import hfSearch from '../test/fixtures/hf-search.json?url';
import arxivApi from '../test/fixtures/arxiv-api.atom.xml?url';
import arxivRss from '../test/fixtures/arxiv-rss.xml?url';
import jsonFeed from '../test/fixtures/jsonfeed.json?url';
import rss2 from '../test/fixtures/rss2.xml?url';
import atom from '../test/fixtures/atom.xml?url';

/** Where the embed snippet loads paperfeed from: the package's self-contained CDN file. */
const CDN = 'https://cdn.jsdelivr.net/npm/paperfeed/dist/paperfeed.min.js';

/** Local feeds (served by this dev server, so the playground works offline). */
const FIXTURES: { label: string; url: string; heading: string }[] = [
  { label: 'Seed: Hugging Face daily papers (36)', url: './daily-papers.json', heading: 'Trending papers' },
  { label: 'Hugging Face daily papers (fixture)', url: hfDaily, heading: 'Daily papers' },
  { label: 'Hugging Face paper search', url: hfSearch, heading: 'Search results' },
  { label: 'arXiv API (Atom)', url: arxivApi, heading: 'arXiv: speculative decoding' },
  { label: 'arXiv RSS', url: arxivRss, heading: 'New in cs.CL' },
  { label: 'JSON Feed', url: jsonFeed, heading: 'Lab reading list' },
  { label: 'RSS 2.0', url: rss2, heading: 'ML Paper Digest' },
  { label: 'Atom', url: atom, heading: 'Systems Reading Group' },
];
const CUSTOM = 'custom';

/** The list's defaults: attributes equal to these are left out of the snippet. */
const DEFAULTS = { format: 'auto', layout: 'list', sort: 'feed', limit: '30', theme: 'auto', proxy: '', heading: '' };
type Config = typeof DEFAULTS & { src: string };
const KEYS = ['src', 'format', 'proxy', 'heading', 'layout', 'sort', 'limit', 'theme'] as const;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fields = Object.fromEntries(KEYS.map((key) => [key, $<HTMLInputElement | HTMLSelectElement>(key)])) as Record<
  (typeof KEYS)[number],
  HTMLInputElement | HTMLSelectElement
>;
const fixtureSelect = $<HTMLSelectElement>('fixture');
const snippet = $<HTMLElement>('snippet');
const snippetNote = $<HTMLElement>('snippet-note');
const copyButton = $<HTMLButtonElement>('copy');
const copyStatus = $<HTMLElement>('copy-status');
const resultStatus = $<HTMLElement>('result-status');

const list = document.createElement('paperfeed-list') as PaperfeedList;
$('preview').append(list);

for (const [index, fixture] of FIXTURES.entries()) fixtureSelect.add(new Option(fixture.label, String(index)));
fixtureSelect.add(new Option('Your own URL…', CUSTOM));

function readConfig(): Config {
  const config = { ...DEFAULTS, src: '' };
  for (const key of KEYS) config[key] = fields[key].value.trim();
  return config;
}

function writeConfig(config: Partial<Config>): void {
  for (const key of KEYS) if (config[key] !== undefined) fields[key].value = config[key]!;
}

/** `src` as the page will fetch it: fixtures are relative to this page, so make them absolute for the snippet. */
const absolute = (url: string) => {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
};

/** Escapes a value for a double-quoted HTML attribute. */
const attr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function embedSnippet(config: Config): string {
  const attributes: [string, string][] = [['src', absolute(config.src)]];
  for (const key of ['format', 'heading', 'layout', 'sort', 'limit', 'theme', 'proxy'] as const) {
    if (config[key] && config[key] !== DEFAULTS[key]) attributes.push([key, config[key]]);
  }
  const lines = attributes.map(([name, value]) => `  ${name}="${attr(value)}"`);
  return `<script type="module" src="${CDN}"></script>\n\n<paperfeed-list\n${lines.join('\n')}\n></paperfeed-list>`;
}

function isFixture(src: string): boolean {
  return FIXTURES.some((fixture) => absolute(fixture.url) === absolute(src));
}

/** Applies the form to the live list, the snippet and the page URL. */
function apply(): void {
  const config = readConfig();
  for (const key of ['format', 'proxy', 'heading', 'layout', 'sort', 'limit', 'theme'] as const) {
    if (config[key]) list.setAttribute(key, config[key]);
    else list.removeAttribute(key);
  }
  // `src` last, so one fetch starts with the final format and proxy.
  if (config.src) list.setAttribute('src', config.src);
  else list.removeAttribute('src');
  document.documentElement.dataset.theme = config.theme;

  snippet.textContent = embedSnippet(config);
  snippetNote.hidden = !isFixture(config.src);
  copyStatus.textContent = '';

  // The configuration lives in the address, so a setup can be bookmarked or shared.
  const params = new URLSearchParams();
  for (const key of KEYS) if (config[key] && config[key] !== (DEFAULTS as Record<string, string>)[key]) params.set(key, config[key]);
  history.replaceState(null, '', `#${params}`);
}

function fromHash(): Partial<Config> | undefined {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has('src')) return undefined;
  const config: Partial<Config> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value !== null) config[key] = value;
  }
  return config;
}

function chooseFixture(): void {
  const value = fixtureSelect.value;
  if (value === CUSTOM) {
    fields.src.focus();
    return;
  }
  const fixture = FIXTURES[Number(value)];
  writeConfig({ src: fixture.url, heading: fixture.heading, format: 'auto', proxy: '' });
  apply();
}

let started = 0;
list.addEventListener('loadstart', () => {
  started = performance.now();
  resultStatus.textContent = 'Loading…';
});
list.addEventListener('load', (event) => {
  const { papers, format } = (event as CustomEvent<ListLoadDetail>).detail;
  const ms = Math.round(performance.now() - started);
  resultStatus.textContent = `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} read as “${format}” in ${ms} ms.`;
});
list.addEventListener('error', (event) => {
  // The list's `error` is a CustomEvent, though the DOM types every `error` listener as ErrorEvent.
  const { error } = (event as unknown as CustomEvent<ListErrorDetail>).detail;
  resultStatus.textContent = `Could not load the feed: ${error.message}`;
});

fixtureSelect.addEventListener('change', chooseFixture);
$('config').addEventListener('submit', (event) => event.preventDefault());
for (const key of KEYS) {
  const field = fields[key];
  // Text fields apply when the reader is done (change), so a half-typed URL is not fetched.
  field.addEventListener('change', () => {
    if (key === 'src') fixtureSelect.value = isFixture(field.value) ? fixtureSelect.value : CUSTOM;
    apply();
  });
}

copyButton.addEventListener('click', async () => {
  const text = snippet.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = 'Copied.';
  } catch {
    // No clipboard permission (an http page, an old browser): select the text for Ctrl+C instead.
    const range = document.createRange();
    range.selectNodeContents(snippet);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    copyStatus.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
});

const shared = fromHash();
if (shared) {
  writeConfig({ ...DEFAULTS, ...shared });
  const index = FIXTURES.findIndex((fixture) => absolute(fixture.url) === absolute(shared.src ?? ''));
  fixtureSelect.value = index >= 0 ? String(index) : CUSTOM;
  apply();
} else {
  writeConfig({ ...DEFAULTS, limit: '10' });
  fixtureSelect.value = '0';
  chooseFixture();
}
