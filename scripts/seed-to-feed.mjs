#!/usr/bin/env node
// Turns the captured Daily Papers page (../shared/seed/000_7c8dc438a7099828.txt, a text capture of
// huggingface.co/papers taken in December 2025) into demo/daily-papers.json, in the shape of HF's
// /api/daily_papers, so the demo works with no network.
//
//   node scripts/seed-to-feed.mjs [input.txt] [output.json]
//
// The capture, after a page header ending with "byAK and the research community" and the page's
// date ("Dec 12"), lists papers as:
//
//   <title>
//   <abstract, one line>
//     • 8 authors            (or an organization line: "furiosa-ai FuriosaAI")
//   ·
//   Oct 28, 2024           (or "Jun 25 1": no year means the capture year; a trailing number is upvotes)
//
// Some papers have no meta block at all (no authors, date or upvotes): those fields are left out.
// The page shows author counts, not names, so each item carries `paper.authors: []` plus
// `paper.numAuthors`, a paperfeed extension the HF adapter reads as the author count. Items have no
// arXiv id, so the adapter derives an id from the title; so that a reader can still open a paper,
// each carries `paper.url` (the adapter's other extension): Hugging Face's paper search for its title.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? resolve(root, '../shared/seed/000_7c8dc438a7099828.txt'));
const output = resolve(process.argv[3] ?? resolve(root, 'demo/daily-papers.json'));
const CAPTURE_YEAR = 2025;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_LINE = new RegExp(`^(${MONTHS.join('|')}) (\\d{1,2})(?:, (\\d{4}))?(?: (\\d+))?$`);
const AUTHORS_LINE = /^•\s*(\d+) authors?$/;
const META_SEPARATOR = '·';
const HEADER_END = 'byAK and the research community';

/** "Oct 28, 2024" → { publishedAt: '2024-10-28T00:00:00.000Z', upvotes: 0 }; "Jun 25 1" → 2025-06-25, 1 upvote. */
function parseDateLine(line) {
  const match = DATE_LINE.exec(line);
  if (!match) return undefined;
  const [, month, day, year, upvotes] = match;
  const date = new Date(Date.UTC(Number(year ?? CAPTURE_YEAR), MONTHS.indexOf(month), Number(day)));
  return { publishedAt: date.toISOString(), upvotes: upvotes === undefined ? 0 : Number(upvotes) };
}

/** The line left of "·": an author count, or an organization ("furiosa-ai FuriosaAI" = handle + display name). */
function parseByline(line) {
  const authors = AUTHORS_LINE.exec(line);
  if (authors) return { numAuthors: Number(authors[1]) };
  const [name, ...rest] = line.split(' ');
  return { organization: { name, fullname: rest.join(' ') || name } };
}

/** Hugging Face's paper search for a title: the page that lists this paper (and its arXiv link) first. */
function searchUrl(title) {
  return `https://huggingface.co/papers?q=${encodeURIComponent(title)}`;
}

function parse(text) {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const headerEnd = lines.indexOf(HEADER_END);
  if (headerEnd < 0) throw new Error(`Header line "${HEADER_END}" not found in ${input}`);
  let i = headerEnd + 1;
  if (parseDateLine(lines[i])) i++; // the page's own date ("Dec 12")

  const items = [];
  while (i < lines.length) {
    const title = lines[i];
    const summary = lines[i + 1];
    if (summary === undefined) throw new Error(`Paper "${title}" has no abstract (line ${i + 1} of the filtered text)`);
    i += 2;
    const paper = { title, summary, authors: [], url: searchUrl(title) };
    if (lines[i + 1] === META_SEPARATOR) {
      Object.assign(paper, parseByline(lines[i]));
      const date = parseDateLine(lines[i + 2] ?? '');
      if (!date) throw new Error(`Unreadable date line after "${title}": "${lines[i + 2]}"`);
      Object.assign(paper, date);
      i += 3;
    }
    const { organization, ...rest } = paper;
    items.push({
      paper: organization ? { ...rest, organization } : rest,
      title,
      summary,
      ...(organization ? { organization } : {}),
    });
  }
  return items;
}

const items = parse(readFileSync(input, 'utf8'));
writeFileSync(output, `${JSON.stringify(items, null, 2)}\n`);
console.log(`Wrote ${items.length} papers to ${output}`);
