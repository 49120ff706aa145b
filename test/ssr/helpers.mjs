// Shared by the Node SSR tests: fixtures served through the feed engine's fetch hook, and readers
// of rendered HTML that look at what a reader without JavaScript gets.
import { readFileSync } from 'node:fs';

export const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** A fetch that answers every URL in `routes` ({ url: [status, contentType, body] }) and counts requests. */
export function fakeFetch(routes) {
  const fn = async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    fn.requests.push(url);
    const route = routes[url];
    if (!route) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const [status, type, body] = route;
    return new Response(body, { status, headers: { 'content-type': type } });
  };
  fn.requests = [];
  return fn;
}

/** The declarative shadow roots opened for `tag` (their count). */
export const shadowRoots = (html, tag) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>\\n?<template shadowroot="open" shadowrootmode="open">`, 'g'))].length;

/** Visible text: markup, styles, scripts and Lit's comments removed, entities decoded, spaces collapsed. */
export function text(html) {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
