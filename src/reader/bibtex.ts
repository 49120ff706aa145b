// Citations built from a Paper alone, in the reader's browser: a BibTeX entry shaped like the one
// arXiv's "Export BibTeX citation" gives (`@misc` with eprint, archivePrefix, primaryClass, url),
// and a plain-text reference in the APA 7 form for preprints. Everything here is a pure function
// of the Paper (no DOM), so it runs on the server and in a worker too.
import type { Author, Paper } from '../feed/paper.js';

/** arXiv's archives (https://arxiv.org/category_taxonomy), to tell a category from a keyword. */
const ARXIV_CATEGORY =
  /^(?:cs|math|stat|physics|q-bio|q-fin|eess|econ|astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|quant-ph)(?:\.[A-Za-z-]{2,})?$/;

/** Words a citation key skips, as arXiv's and Google Scholar's keys do. */
const STOP_WORDS = new Set(
  'a an the of on in at to for from by with and or via is are be as into over under towards toward its their our we do does how what when why which can'.split(' '),
);

/** Name particles that belong to the last name ("van der Waals", "de la Cruz"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'al']);
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

// The identifiers live in ids.ts, which the card's metadata needs without the rest of this module.
export { arxivDoi, arxivIdOf, doiOf } from './ids.js';
import { arxivDoi, arxivIdOf, doiOf } from './ids.js';

/** The primary arXiv category, where the paper's first tag is one (arXiv lists the primary first). */
export function primaryClassOf(paper: Pick<Paper, 'tags'>): string | undefined {
  const first = paper.tags?.[0];
  return first && ARXIV_CATEGORY.test(first) ? first : undefined;
}

export interface PersonName {
  first: string;
  last: string;
  suffix: string;
}

/** Splits a display name: "Mira Okafor", "Chen, Mouxiang", "Ludwig van Beethoven", "Martin Luther King Jr.". */
export function splitName(name: string): PersonName {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean.includes(',')) {
    const [last, ...rest] = clean.split(',').map((part) => part.trim());
    const suffix = rest.length > 1 && SUFFIX.test(rest[0]) ? rest.shift()! : '';
    return { first: rest.join(' '), last, suffix };
  }
  const words = clean.split(' ');
  let suffix = '';
  if (words.length > 2 && SUFFIX.test(words[words.length - 1])) suffix = words.pop()!;
  if (words.length === 1) return { first: '', last: words[0], suffix };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1].toLowerCase())) start--;
  return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' '), suffix };
}

/** "Last, First" (or "Last, Jr., First"), BibTeX's unambiguous form. */
export function bibtexName(name: string): string {
  const { first, last, suffix } = splitName(name);
  return [last, suffix, first].filter(Boolean).join(', ');
}

const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#',
  _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

/** Prose with TeX's special characters escaped, so it reads as written. */
export function escapeTex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (ch) => TEX_ESCAPES[ch]);
}

// Math as titles write it; kept as TeX (BibTeX passes it to LaTeX) only when its braces balance,
// since an unbalanced `}` would end the field early and let a title write fields of its own.
const MATH = /\$\$([\s\S]+?)\$\$|\\\(([\s\S]+?)\\\)|\$(?=\S)((?:\\.|[^$\\])*?(?:\\.|[^\s$\\]))\$(?!\d)/g;

function balanced(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}' && --depth < 0) return false;
  }
  return depth === 0 && !tex.endsWith('\\');
}

/** A field value: prose escaped, balanced inline math kept as `$…$`, whitespace collapsed. */
export function texField(text: string): string {
  let out = '';
  let last = 0;
  const source = text.replace(/\s+/g, ' ').trim();
  for (const match of source.matchAll(MATH)) {
    const tex = match[1] ?? match[2] ?? match[3];
    out += escapeTex(source.slice(last, match.index));
    out += balanced(tex) && !/[%#]/.test(tex.replace(/\\./g, '')) ? `$${tex}$` : escapeTex(match[0]);
    last = match.index! + match[0].length;
  }
  return out + escapeTex(source.slice(last));
}

/** Plain ASCII, lowercased letters and digits ("Tomás" → "tomas"). */
const asciiWord = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const yearOf = (paper: Pick<Paper, 'publishedAt'>) => /^(\d{4})/.exec(paper.publishedAt ?? '')?.[1] ?? '';

/**
 * A stable citation key: first author's last name + year + first significant title word, all ASCII
 * lowercase (`okafor2025speculative`). The same paper gives the same key on every page.
 */
export function citationKey(paper: Pick<Paper, 'authors' | 'publishedAt' | 'title'>): string {
  const author = paper.authors[0] ? asciiWord(splitName(paper.authors[0].name).last.split(' ').pop() ?? '') : '';
  const words = paper.title.replace(/\$[^$]*\$/g, ' ').split(/[\s\-–—:;,./!?()[\]{}"']+/).map(asciiWord).filter(Boolean);
  const word = words.find((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w)) ?? words[0] ?? '';
  return author + yearOf(paper) + word || 'paper';
}

const namesOf = (authors: readonly Author[]) => authors.map((a) => a.name.trim()).filter(Boolean);

/** The BibTeX entry for a paper: arXiv's `@misc` form for arXiv papers, an `@misc` with a url otherwise. */
export function toBibtex(paper: Paper): string {
  const id = arxivIdOf(paper);
  const names = namesOf(paper.authors);
  const authors = names.map((name) => texField(bibtexName(name)));
  // "and others" is BibTeX's own "et al." for a list the feed cut short.
  if (paper.authorCount > names.length && names.length) authors.push('others');
  const fields: [string, string | undefined][] = [
    ['title', texField(paper.title)],
    ['author', authors.join(' and ') || undefined],
    ['year', yearOf(paper) || undefined],
  ];
  if (id) {
    fields.push(['eprint', id], ['archivePrefix', 'arXiv'], ['primaryClass', primaryClassOf(paper)], ['url', `https://arxiv.org/abs/${id}`]);
  } else {
    const doi = doiOf(paper);
    fields.push(['doi', doi ? escapeTex(doi) : undefined], ['url', paper.url ? urlField(paper.url) : undefined]);
  }
  const body = fields
    .filter((field): field is [string, string] => !!field[1])
    .map(([name, value]) => `  ${name}={${value}}`)
    .join(',\n');
  return `@misc{${citationKey(paper)},\n${body}\n}`;
}

/** URLs go in as written (LaTeX's url package reads them); braces and `%` are escaped. */
const urlField = (url: string) => url.replace(/[{}%\\]/g, (ch) => `\\${ch}`);

/** "M. R." initials from given names ("Mira" → "M.", "Jae Hun" → "J. H.", "Jean-Luc" → "J.-L."). */
function initials(first: string): string {
  return first
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.split('-').map((part) => (Array.from(part)[0] ?? '').toUpperCase() + '.').join('-'))
    .join(' ');
}

function apaName(name: string): string {
  const { first, last, suffix } = splitName(name);
  return [last, initials(first), suffix].filter(Boolean).join(', ');
}

/** APA 7's author list: up to 20 names, "&" before the last; "…" then the last name after 19. */
function apaAuthors(names: string[], cut: boolean): string {
  const list = names.map(apaName);
  if (cut) return `${list.join(', ')}, et al.`;
  if (list.length === 1) return list[0];
  if (list.length > 20) return `${list.slice(0, 19).join(', ')}, … ${list[list.length - 1]}`;
  return `${list.slice(0, -1).join(', ')}, & ${list[list.length - 1]}`;
}

/**
 * A plain-text reference in the APA 7 form for a preprint:
 * `Okafor, M., Lindqvist, T., & Raman, P. (2025). Title (arXiv:2511.04570). arXiv. https://doi.org/10.48550/arXiv.2511.04570`
 */
export function toPlainCitation(paper: Paper): string {
  const id = arxivIdOf(paper);
  const names = namesOf(paper.authors);
  const title = paper.title.replace(/\s+/g, ' ').trim().replace(/[.]$/, '');
  const parts: string[] = [];
  if (names.length) parts.push(`${apaAuthors(names, paper.authorCount > names.length)}`);
  parts.push(`(${yearOf(paper) || 'n.d.'}).`);
  if (id) {
    parts.push(`${title} (arXiv:${id}). arXiv. https://doi.org/${arxivDoi(id)}`);
  } else {
    const doi = doiOf(paper);
    const link = doi ? `https://doi.org/${doi}` : paper.url;
    parts.push(`${title}.${link ? ` ${link}` : ''}`);
  }
  return parts.join(' ').replace(/\.\. /g, '. ');
}
