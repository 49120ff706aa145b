// The demo blog: registers the elements, features one paper from the same feed the list shows,
// and wires the page's theme switch to the page and to every paperfeed element.
import '../src/paperfeed.js';
import { loadFeed } from '../src/feed/index.js';
import type { Theme } from '../src/internal/base.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';

const FEED = './daily-papers.json';
// The paper the post talks about; any paper of the feed would do.
const FEATURED_TITLE = /energy-based diffusion language models/i;

async function showFeatured(): Promise<void> {
  const card = document.querySelector<PaperfeedCard>('#featured');
  if (!card) return;
  try {
    // The list below asks for the same URL: the feed engine shares the request and its cache.
    const { papers } = await loadFeed(FEED);
    const paper = papers.find((p) => FEATURED_TITLE.test(p.title)) ?? papers[0];
    if (paper) card.paper = paper;
    else card.hidden = true;
  } catch (error) {
    console.warn('[paperfeed demo] Could not load the featured paper.', error);
    card.hidden = true;
  }
}

function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  for (const el of document.querySelectorAll('paperfeed-card, paperfeed-list, paperfeed-subscribe')) {
    el.setAttribute('theme', theme);
  }
  try {
    localStorage.setItem('paperfeed-demo-theme', theme);
  } catch {
    // Storage may be off (private mode); the switch still works for this visit.
  }
}

const themeSwitch = document.querySelector<HTMLSelectElement>('#theme');
if (themeSwitch) {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem('paperfeed-demo-theme');
  } catch {
    saved = null;
  }
  if (saved === 'light' || saved === 'dark' || saved === 'auto') {
    themeSwitch.value = saved;
    setTheme(saved);
  }
  themeSwitch.addEventListener('change', () => setTheme(themeSwitch.value as Theme));
}

// `?feed=empty` and `?feed=error` show the list's empty and error states (screenshots, reviews).
const feedState = new URLSearchParams(location.search).get('feed');
const list = document.querySelector('paperfeed-list');
if (list && feedState === 'empty') list.setAttribute('src', './empty-feed.json');
if (list && feedState === 'error') list.setAttribute('src', './missing-feed.json');

void showFeatured();
