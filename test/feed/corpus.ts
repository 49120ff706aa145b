// The real-feeds corpus check, shared by the Node run (test/node/corpus.test.mjs, server parser) and
// the Chromium run (test/feed/corpus.test.ts, DOMParser). Every file of ../shared/real-feeds goes
// through `loadFeed` behind the fetch hook (bytes, Content-Type and status as the file's origin gives
// them: nothing reaches the network) and is checked against what the file itself says:
// - feedparser's `Expect:` lines, for the clauses that name a Paper field (title, link, summary,
//   content, id, author name/url, published/updated dates, thumbnail, the feed's title);
// - Hugging Face answers: each raw item's title, id, upvotes, comment count and visible authors;
// - arXiv answers: each raw entry's title, arXiv id, authors and abstract; an HTTP error's reason;
// - every feed: one paper per raw item or entry (items without a title are titled from their text).
// A file that cannot be read must be listed in README.md's "Feeds paperfeed cannot read" section.
import { loadFeed, clearFeedCache } from '../../src/feed/load.js';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { parseBody } from '../../src/feed/parse/detect.js';
import { decodeBody } from '../../src/feed/parse/decode.js';
import { FeedError } from '../../src/feed/errors.js';
import { htmlToText, collapse } from '../../src/feed/parse/text.js';
import { arxivIdFrom } from '../../src/feed/arxiv/ids.js';
import type { FeedResult } from '../../src/feed/parse/parse.js';
import type { Paper } from '../../src/feed/paper.js';

export interface CorpusOutcome {
  path: string;
  group: string;
  /** Loaded without a FeedError. */
  read: boolean;
  papers: number;
  fields: number;
  matched: number;
  mismatches: string[];
  /** What the differential test compares: the FeedResult, or the error's kind and message. */
  output: unknown;
}

interface Request {
  url: string;
  status: number;
  contentType: string;
  body: Uint8Array;
}

const ascii = (bytes: Uint8Array, n = 2000) => {
  let s = '';
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
};

/** What the file's origin would have answered: its URL, status, Content-Type and body bytes. */
export function corpusRequest(path: string, bytes: Uint8Array): Request {
  const group = path.split('/')[0];
  if (path.endsWith('.json') && path.startsWith('arxiv/')) {
    const wrapper = JSON.parse(new TextDecoder().decode(bytes)) as { url: string; status_code: number; body: string };
    return { url: wrapper.url, status: wrapper.status_code, contentType: 'application/atom+xml; charset=utf-8', body: new TextEncoder().encode(wrapper.body) };
  }
  let contentType = path.endsWith('.json') ? 'application/json' : 'application/xml';
  let url = `https://feeds.example/${path}`;
  if (group === 'feedparser') {
    url = `http://127.0.0.1:8097/tests/${path.slice('feedparser/'.length)}`;
    const head = ascii(bytes);
    const type = /Header:\s*Content-type:\s*([^\n]+)/i.exec(head)?.[1];
    if (type) contentType = type.trim().replace(/'/g, '');
    const location = /Header:\s*Content-Location:\s*(\S+)/i.exec(head)?.[1];
    if (location) url = location;
  } else if (group === 'arxiv' || /^fixtures\/arxiv/.test(path)) {
    url = /<rss|rdf:RDF/.test(ascii(bytes, 600)) ? 'https://rss.arxiv.org/rss/cs.LG' : 'https://export.arxiv.org/api/query?search_query=cs.LG';
  } else if (group === 'hf' || /^fixtures\/hf/.test(path)) {
    url = 'https://huggingface.co/api/daily_papers';
  }
  return { url, status: 200, contentType, body: bytes };
}

// ── feedparser's Expect: expressions ──────────────────────────────────────────────────────────────

/** A Python string literal's value ('…', "…", u'…'), or undefined. */
function pyString(src: string): string | undefined {
  const m = /^u?(['"])([^]*)\1$/.exec(src.trim());
  if (!m) return undefined;
  return m[2].replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

/** Splits on a keyword outside string literals. */
function splitOutside(src: string, word: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (src.startsWith(word, i)) {
      parts.push(src.slice(from, i));
      from = i + word.length;
      i += word.length - 1;
    }
  }
  parts.push(src.slice(from));
  return parts.map((p) => p.trim());
}

type Check = { field: string; actual: (r: FeedResult) => unknown; expected: unknown };

/**
 * feedparser gives HTML content as (sanitized) HTML and text content as text; a Paper holds text. So an
 * expected string matches as written or as the text of that HTML.
 */
const text = (s: string): OneOf => ({ oneOf: [...new Set([collapse(s), htmlToText(s)])] });
interface OneOf {
  oneOf: string[];
}
const paper = (r: FeedResult, n: number): Paper | undefined => r.papers[n];

/** A clause such as `entries[0]['title'] == 'x'` as a check of a Paper field, or undefined. */
function clauseCheck(clause: string): Check | undefined {
  const ord = /^ord\(entries\[(\d+)\]\['(description|summary)'\]\)\s*==\s*(\d+)$/.exec(clause);
  if (ord) return { field: `entries[${ord[1]}].summary`, actual: (r) => paper(r, +ord[1])?.summary, expected: String.fromCodePoint(+ord[3]) };
  const sides = splitOutside(clause, '==');
  if (sides.length < 2) return undefined;
  const rhs = sides[sides.length - 1];
  const lhs = sides[0];
  const path = /^(entries\[(\d+)\]|feed)((?:\['\w+'\]|\[\d+\]|\.\w+)*)$/.exec(lhs);
  if (!path) return undefined;
  const keys = [...path[3].matchAll(/\['(\w+)'\]|\[(\d+)\]|\.(\w+)/g)].map((m) => m[1] ?? m[2] ?? m[3]).join('.');
  const n = path[2] === undefined ? -1 : +path[2];
  const str = pyString(rhs);
  const tuple = /^\((\d+), (\d+), (\d+), (\d+), (\d+), (\d+)/.exec(rhs);
  if (n < 0) {
    if ((keys === 'title' || keys === 'title_detail.value') && str !== undefined) return { field: 'feed.title', actual: (r) => r.title ?? '', expected: text(str) };
    return undefined;
  }
  const at = `entries[${n}]`;
  const get = (f: (p: Paper) => unknown) => (r: FeedResult) => {
    const p = paper(r, n);
    return p ? f(p) : '(no paper)';
  };
  if (tuple && /^(published|updated)_parsed$/.test(keys)) {
    const [, y, mo, d, h, mi, s] = tuple.map(Number);
    return { field: `${at}.publishedAt`, actual: get((p) => p.publishedAt), expected: new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString() };
  }
  if (str === undefined) return undefined;
  switch (keys) {
    case 'title':
    case 'title_detail.value':
      return { field: `${at}.title`, actual: get((p) => p.title), expected: text(str) };
    case 'link':
      return { field: `${at}.url`, actual: get((p) => p.url ?? ''), expected: { oneOf: [str, normalUrl(str)] } };
    case 'description':
    case 'summary':
      return { field: `${at}.summary`, actual: get((p) => p.summary), expected: text(str) };
    case 'id':
    case 'guid':
      return { field: `${at}.id`, actual: get((p) => p.id), expected: str };
    case 'author':
      // feedparser's `author` keeps "Name (email)" whole; a Paper's author is the name alone.
      return /[@(]/.test(str) ? undefined : { field: `${at}.author`, actual: get((p) => p.authors[0]?.name ?? ''), expected: str };
    case 'author_detail.name':
    case 'authors.0.name':
      return { field: `${at}.author`, actual: get((p) => p.authors[0]?.name ?? ''), expected: str };
    case 'author_detail.url':
      return { field: `${at}.author.url`, actual: get((p) => p.authors[0]?.url ?? ''), expected: str };
    case 'media_thumbnail.0.url':
      return { field: `${at}.thumbnail`, actual: get((p) => p.thumbnail ?? ''), expected: str };
    default:
      return undefined;
  }
}

const normalUrl = (s: string) => {
  try {
    return new URL(s).href;
  } catch {
    return s;
  }
};

/** The checks a feedparser file's `Expect:` line gives: alternatives (`or`) of conjunctions (`and`). */
export function expectChecks(source: string): Check[][] {
  const line = /Expect:\s*([^\n]+)/.exec(source)?.[1]?.trim();
  if (!line) return [];
  return splitOutside(line, ' or ').map((alt) =>
    splitOutside(alt, ' and ').flatMap((clause) => {
      // `a == b == 'x'`: each side against the literal.
      const sides = splitOutside(clause, '==');
      if (sides.length > 2) return sides.slice(0, -1).map((s) => clauseCheck(`${s} == ${sides[sides.length - 1]}`)).filter((c): c is Check => !!c);
      const check = clauseCheck(clause);
      return check ? [check] : [];
    }),
  ).map((alt, _, all) => {
    // feedparser keeps `content` apart from `summary`; a Paper has one text, so content is checked
    // against it only when the line checks no summary/description.
    const content = splitOutside(line, ' or ').flatMap((a) => splitOutside(a, ' and ')).filter((c) => /\['content'\]\[0\]\['value'\]/.test(c));
    if (all.some((a) => a.some((c) => c.field.endsWith('.summary')))) return alt;
    return [...alt, ...content.flatMap((c) => clauseCheck(c.replace("['content'][0]['value']", "['summary']")) ?? [])];
  }).filter((alt) => alt.length);
}

// ── raw fields of HF and arXiv answers, and item counts ───────────────────────────────────────────

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (typeof v === 'string' ? collapse(v) : '');

function hfChecks(data: unknown): Check[] {
  const checks: Check[] = [];
  (Array.isArray(data) ? data : []).forEach((item: unknown, n) => {
    const it = rec(item);
    const p = rec(it.paper);
    const at = `hf[${n}]`;
    const got = (f: (x: Paper) => unknown) => (r: FeedResult) => (r.papers[n] ? f(r.papers[n]) : '(no paper)');
    checks.push({ field: `${at}.title`, actual: got((x) => x.title), expected: str(it.title) || str(p.title) });
    checks.push({ field: `${at}.id`, actual: got((x) => x.id), expected: str(p.id) });
    if (typeof p.upvotes === 'number') checks.push({ field: `${at}.upvotes`, actual: got((x) => x.upvotes), expected: p.upvotes });
    if (typeof it.numComments === 'number') checks.push({ field: `${at}.comments`, actual: got((x) => x.comments), expected: it.numComments });
    const authors = (Array.isArray(p.authors) ? p.authors : []).map(rec).filter((a) => a.hidden !== true && str(a.name)).map((a) => str(a.name));
    checks.push({ field: `${at}.authors`, actual: got((x) => x.authors.map((a) => a.name).join('|')), expected: authors.join('|') });
  });
  return checks;
}

const byName = (el: Element, name: string) => {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === name) out.push(c as Element);
  return out;
};
const textIn = (el: Element, name: string) => collapse(byName(el, name)[0]?.textContent ?? '');

function arxivChecks(doc: Document): Check[] {
  const checks: Check[] = [];
  const root = doc.documentElement;
  if (root.localName !== 'feed') {
    const channel = byName(root, 'channel')[0];
    const items = [...(channel ? byName(channel, 'item') : []), ...byName(root, 'item')];
    items.forEach((item, n) => {
      const got = (f: (x: Paper) => unknown) => (r: FeedResult) => (r.papers[n] ? f(r.papers[n]) : '(no paper)');
      checks.push({ field: `arxiv-rss[${n}].title`, actual: got((x) => x.title), expected: htmlToText(textIn(item, 'title')) });
      const id = arxivIdFrom(textIn(item, 'link')) ?? arxivIdFrom(textIn(item, 'guid'));
      if (id) checks.push({ field: `arxiv-rss[${n}].id`, actual: got((x) => x.id), expected: id });
    });
    return checks;
  }
  byName(root, 'entry').forEach((entry, n) => {
    const got = (f: (x: Paper) => unknown) => (r: FeedResult) => (r.papers[n] ? f(r.papers[n]) : '(no paper)');
    const at = `arxiv[${n}]`;
    checks.push({ field: `${at}.title`, actual: got((x) => x.title), expected: textIn(entry, 'title') });
    const id = arxivIdFrom(textIn(entry, 'id'));
    if (id) checks.push({ field: `${at}.id`, actual: got((x) => x.id), expected: id });
    checks.push({ field: `${at}.summary`, actual: got((x) => x.summary), expected: textIn(entry, 'summary') });
    const authors = byName(entry, 'author').map((a) => textIn(a, 'name')).join('|');
    checks.push({ field: `${at}.authors`, actual: got((x) => x.authors.map((a) => a.name).join('|')), expected: authors });
  });
  return checks;
}

/** How many items or entries the raw document holds (each must become a paper). */
function rawItemCount(request: Request): number | undefined {
  try {
    const parsed = parseBody(decodeBody(request.body, request.contentType), request.contentType);
    if (parsed.kind === 'json') {
      const data = parsed.data;
      return Array.isArray(data) ? data.length : Array.isArray(rec(data).items) ? (rec(data).items as unknown[]).length : undefined;
    }
    const root = parsed.doc.documentElement;
    const channel = byName(root, 'channel')[0];
    return [...byName(root, 'entry'), ...byName(root, 'item'), ...(channel ? byName(channel, 'item') : [])].length;
  } catch {
    return undefined;
  }
}

// ── one file ──────────────────────────────────────────────────────────────────────────────────────

function same(a: unknown, b: unknown) {
  if (b && typeof b === 'object' && 'oneOf' in b) return (b as OneOf).oneOf.includes(a as string);
  return a === b;
}

/** Loads one corpus file through loadFeed and checks it. Files run one at a time (one fetch hook). */
export async function checkCorpusFile(path: string, bytes: Uint8Array): Promise<CorpusOutcome> {
  const request = corpusRequest(path, bytes);
  const outcome: CorpusOutcome = { path, group: path.split('/')[0], read: false, papers: 0, fields: 0, matched: 0, mismatches: [], output: undefined };
  clearFeedCache();
  setFetch(async () => new Response(request.body as BodyInit, { status: request.status, headers: { 'content-type': request.contentType } }));
  let result: FeedResult | undefined;
  try {
    result = await loadFeed(request.url, { reload: true, timeout: 0 });
    outcome.read = true;
    outcome.papers = result.papers.length;
    outcome.output = result;
  } catch (error) {
    if (!(error instanceof FeedError)) {
      outcome.mismatches.push(`threw ${String(error)} (not a FeedError)`);
      outcome.output = { thrown: String(error) };
      return outcome;
    }
    outcome.output = { kind: error.kind, message: error.message };
    if (request.status >= 400) {
      // An HTTP error whose body carries a reason: the reason must reach the message.
      outcome.fields++;
      const reason = /<summary>([^<]+)<\/summary>/.exec(new TextDecoder().decode(request.body))?.[1]?.trim();
      if (reason && error.message.includes(reason.replace(/\.$/, ''))) outcome.matched++;
      else outcome.mismatches.push(`HTTP ${request.status}: message "${error.message}" lacks the body's reason "${reason}"`);
      outcome.read = true;
      return outcome;
    }
    outcome.mismatches.push(`FeedError ${error.kind}: ${error.message}`);
    return outcome;
  } finally {
    setFetch();
  }

  const checks: Check[][] = [];
  if (outcome.group === 'feedparser') checks.push(...expectChecks(new TextDecoder('latin1').decode(bytes.subarray(0, 3000)).replace(/\0/g, '')));
  let all: Check[] = [];
  if (outcome.group === 'hf') all = hfChecks(JSON.parse(new TextDecoder().decode(bytes)));
  if (outcome.group === 'arxiv') {
    const parsed = parseBody(decodeBody(request.body, request.contentType), request.contentType);
    if (parsed.kind === 'xml') all = arxivChecks(parsed.doc);
  }
  const count = rawItemCount(request);
  if (count !== undefined) all.push({ field: 'papers.length', actual: (r) => r.papers.length, expected: count });

  const run = (list: Check[]) => list.map((c) => ({ c, value: c.actual(result!) }));
  for (const { c, value } of run(all)) {
    outcome.fields++;
    if (same(value, c.expected)) outcome.matched++;
    else outcome.mismatches.push(`${c.field}: got ${JSON.stringify(value)}, expected ${JSON.stringify(c.expected)}`);
  }
  if (checks.length) {
    // feedparser's `or`: the first alternative that holds counts; else report the first one.
    const tried = checks.map(run);
    const pass = tried.find((alt) => alt.every(({ c, value }) => same(value, c.expected)));
    const shown = pass ?? tried[0];
    for (const { c, value } of shown) {
      outcome.fields++;
      if (same(value, c.expected)) outcome.matched++;
      else outcome.mismatches.push(`${c.field}: got ${JSON.stringify(value)}, expected ${JSON.stringify(c.expected)}`);
    }
  }
  return outcome;
}

/** README.md's "Feeds paperfeed cannot read" list: file → reason. */
export function knownUnreadable(readme: string): Map<string, string> {
  const section = /## Feeds paperfeed cannot read\n([^]*?)(?=\n## |$)/.exec(readme)?.[1] ?? '';
  const known = new Map<string, string>();
  for (const m of section.matchAll(/^\s*[-*] `([^`]+)`:?\s*(.*)$/gm)) known.set(m[1], m[2]);
  return known;
}

/** The per-group table and the failures (files not read or mismatched, and not listed as unreadable). */
export function summarize(outcomes: CorpusOutcome[], known: Map<string, string>): { table: string; failures: string[] } {
  const groups = new Map<string, CorpusOutcome[]>();
  for (const o of outcomes) groups.set(o.group, [...(groups.get(o.group) ?? []), o]);
  const rows = [['group', 'files', 'read', 'listed unreadable', 'fields matched', 'failing']];
  const failures: string[] = [];
  let totals = [0, 0, 0, 0, 0, 0];
  for (const [group, list] of [...groups].sort()) {
    let read = 0, listed = 0, fields = 0, matched = 0, failing = 0;
    for (const o of list) {
      const ok = o.mismatches.length === 0;
      if (o.read) read++;
      fields += o.fields;
      matched += o.matched;
      if (!ok && known.has(o.path)) listed++;
      else if (!ok) {
        failing++;
        failures.push(`${o.path}: ${o.mismatches.slice(0, 3).join('; ')}`);
      }
    }
    rows.push([group, String(list.length), String(read), String(listed), `${matched}/${fields}`, String(failing)]);
    totals = [totals[0] + list.length, totals[1] + read, totals[2] + listed, totals[3] + matched, totals[4] + fields, totals[5] + failing];
  }
  rows.push(['all', String(totals[0]), String(totals[1]), String(totals[2]), `${totals[3]}/${totals[4]}`, String(totals[5])]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const table = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join(' | ')).join('\n');
  return { table, failures };
}
