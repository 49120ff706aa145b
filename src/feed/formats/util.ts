import type { Paper } from '../paper.js';
import { collapse } from '../parse/text.js';

/** The papers `read` makes of `items`; an item it refuses (undefined) counts as skipped. */
export function readItems<T>(items: T[], read: (item: T, index: number) => Paper | undefined): { papers: Paper[]; skipped: number } {
  const papers: Paper[] = [];
  items.forEach((item, i) => {
    const paper = read(item, i);
    if (paper) papers.push(paper);
  });
  return { papers, skipped: items.length - papers.length };
}

/** A JSON `id` (a string or a number) as a string, else ''. */
export const idOf = (id: unknown): string => (typeof id === 'string' || typeof id === 'number' ? String(id) : '');

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops keys whose value is undefined, so results compare cleanly and serialize small. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

/** Non-empty strings from a list, collapsed and without duplicates, order kept; [] for a non-array. */
export function uniqueStrings(values: unknown): string[] {
  const seen = new Set<string>();
  for (const value of Array.isArray(values) ? values : []) {
    if (typeof value !== 'string') continue;
    const text = collapse(value);
    if (text) seen.add(text);
  }
  return [...seen];
}

/** A stable id made from a title, for items that have none ("Energy-Based Models" → "energy-based-models"). */
export function slug(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'untitled';
}

/** What an item with no title, no text and no link is called. */
export const UNTITLED = 'Untitled';

/**
 * The title of an item that has none (microblog posts: Mastodon RSS, micro JSON Feeds, jsonfeed.org's
 * own example): the start of its text, cut at a word before 80 characters, as feed readers show it;
 * without text, its link (without the scheme); without either, "Untitled".
 */
export function titleFromText(text: string, link?: string): string {
  if (!text) return link ? link.replace(/^https?:\/\/(www\.)?/, '') : UNTITLED;
  if (text.length <= 80) return text;
  const cut = text.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?…-]+$/, '')}…`;
}

const EMAIL = /^[^\s@()<>]+@[^\s@()<>]+\.[^\s@()<>]+$/;

/**
 * A person's name from the ways feeds write authors: "Name (email)", "email (Name)" (RSS 2.0's own
 * form), "Name <email>", a bare name. A bare email address is nobody's name: ''.
 */
export function personName(value: string): string {
  const text = value.trim();
  const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(text);
  if (paren) {
    const [, outside, inside] = paren;
    if (EMAIL.test(outside.trim())) return EMAIL.test(inside.trim()) ? '' : inside.trim();
    if (EMAIL.test(inside.trim())) return outside.trim();
  }
  const angle = /^(.*?)\s*<([^<>]*)>$/.exec(text);
  if (angle && EMAIL.test(angle[2].trim()) && angle[1].trim()) return angle[1].trim().replace(/^"(.*)"$/, '$1');
  return EMAIL.test(text) ? '' : text;
}
