import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/card/define.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';
import type { Paper } from '../src/feed/paper.js';
import { setClock } from '../src/internal/clock.js';

const NOW = Date.parse('2024-10-31T12:00:00.000Z');
const THUMBNAIL = new URL('/test/fixtures/thumbnail.svg', location.href).href;
const LONG_SUMMARY =
  'We study decoding for large language models and show that a simple entropy rule, **top-H**, keeps ' +
  'the quality of nucleus sampling while cutting repetition. Across six benchmarks and three model ' +
  'families the method is never worse than the best tuned baseline, and it needs no tuning at all. ' +
  'We explain why with a bound in $\\mathbb{R}^{d}$ and release code.';

function makePaper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: '2410.12345',
    title: 'Sharp bounds for $\\ell_p$ norms',
    summary: LONG_SUMMARY,
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'].map((name) => ({ name })),
    authorCount: 5,
    publishedAt: '2024-10-28T00:00:00.000Z',
    upvotes: 42,
    comments: 7,
    url: 'https://huggingface.co/papers/2410.12345',
    arxivUrl: 'https://arxiv.org/abs/2410.12345',
    pdfUrl: 'https://arxiv.org/pdf/2410.12345',
    codeUrl: 'https://github.com/example/top-h',
    codeStars: 1300,
    projectUrl: 'https://example.org/top-h',
    thumbnail: THUMBNAIL,
    tags: ['LLM', 'Decoding'],
    organization: { name: 'Example Lab', url: 'https://huggingface.co/example' },
    source: 'hf',
    ...overrides,
  };
}

const part = (el: PaperfeedCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** `null` renders the card without a paper (the skeleton). */
async function card(paper: Paper | null = makePaper(), attrs = ''): Promise<PaperfeedCard> {
  const el = await fixture<PaperfeedCard>(html`<paperfeed-card .paper=${paper ?? undefined}></paperfeed-card>`);
  for (const pair of attrs.split(' ').filter(Boolean)) {
    const [name, value = ''] = pair.split('=');
    el.setAttribute(name, value);
  }
  await el.updateComplete;
  return el;
}

describe('<paperfeed-card>', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  describe('accessibility', () => {
    it('passes axe in the full variant', async () => {
      await expect(await card()).to.be.accessible();
    });

    it('passes axe in the compact variant', async () => {
      await expect(await card(makePaper(), 'variant=compact')).to.be.accessible();
    });

    it('passes axe when expanded', async () => {
      await expect(await card(makePaper(), 'expanded')).to.be.accessible();
    });

    it('passes axe as a skeleton', async () => {
      await expect(await card(null)).to.be.accessible();
    });

    it('passes axe in the dark theme', async () => {
      const wrapper = await fixture(html`<div style="background: #121212; color: #eee">
        <paperfeed-card theme="dark" .paper=${makePaper()}></paperfeed-card>
      </div>`);
      const el = wrapper.querySelector('paperfeed-card')!;
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'card')!).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
    });

    it('passes axe right to left', async () => {
      const wrapper = await fixture(html`<div dir="rtl" lang="ar"><paperfeed-card .paper=${makePaper()}></paperfeed-card></div>`);
      await expect(wrapper.querySelector('paperfeed-card')!).to.be.accessible();
    });

    it('names the article by its title and uses heading level 3 by default', async () => {
      const el = await card();
      const heading = el.shadowRoot!.querySelector('h3')!;
      expect(heading.id).to.equal('title');
      expect(part(el, 'card')!.getAttribute('aria-labelledby')).to.equal('title');
    });
  });

  describe('properties', () => {
    it('shows the title as a link to the paper page', async () => {
      const el = await card();
      const link = part(el, 'title')!.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://huggingface.co/papers/2410.12345');
      expect(text(link)).to.equal('Sharp bounds for ℓₚ norms');
    });

    it('shows the title as plain text when the paper has no page', async () => {
      const el = await card(makePaper({ url: undefined }));
      expect(part(el, 'title')!.querySelector('a')).to.equal(null);
      expect(text(part(el, 'title'))).to.equal('Sharp bounds for ℓₚ norms');
    });

    it('drops every unsafe URL: no href, no src', async () => {
      const bad = 'javascript:alert(1)';
      const el = await card(
        makePaper({
          url: bad,
          arxivUrl: ' JaVaScRiPt:alert(1)',
          pdfUrl: 'data:text/html,<script>alert(1)</script>',
          codeUrl: 'java\tscript:alert(1)',
          projectUrl: 'vbscript:msgbox',
          thumbnail: 'javascript:alert(1)',
          organization: { name: 'Evil Org', url: bad },
        }),
      );
      const root = el.shadowRoot!;
      expect(root.querySelectorAll('a')).to.have.length(0);
      expect(root.querySelectorAll('[href]')).to.have.length(0);
      expect(root.querySelector('img')).to.equal(null);
      expect(part(el, 'links')).to.equal(null);
      expect(text(part(el, 'title'))).to.equal('Sharp bounds for ℓₚ norms');
      expect(text(part(el, 'meta'))).to.contain('Evil Org');
    });

    it('shows the first three authors then "+ N more"', async () => {
      const el = await card();
      expect(text(part(el, 'authors'))).to.equal('Ada Lovelace, Alan Turing, Grace Hopper + 2 more');
    });

    it('counts unnamed authors in "+ N more"', async () => {
      const el = await card(makePaper({ authorCount: 12 }));
      expect(text(part(el, 'authors'))).to.equal('Ada Lovelace, Alan Turing, Grace Hopper + 9 more');
    });

    it('lists all authors when there are three or fewer', async () => {
      const el = await card(makePaper({ authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }], authorCount: 2 }));
      expect(text(part(el, 'authors'))).to.equal('Ada Lovelace, Alan Turing');
    });

    it('says "8 authors" when only a count is known, "1 author" for one', async () => {
      const el = await card(makePaper({ authors: [], authorCount: 8 }));
      expect(text(part(el, 'authors'))).to.equal('8 authors');
      el.paper = makePaper({ authors: [], authorCount: 1 });
      await el.updateComplete;
      expect(text(part(el, 'authors'))).to.equal('1 author');
    });

    it('shows the organization as a link', async () => {
      const el = await card();
      const org = part(el, 'meta')!.querySelector('.organization a')!;
      expect(text(org)).to.equal('Example Lab');
      expect(org.getAttribute('href')).to.equal('https://huggingface.co/example');
    });

    it('writes a recent date relatively in a <time datetime>', async () => {
      const el = await card();
      const time = el.shadowRoot!.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal('2024-10-28T00:00:00.000Z');
      expect(text(time)).to.equal('3 days ago');
    });

    it('writes hours for today and the date for older papers', async () => {
      const el = await card(makePaper({ publishedAt: '2024-10-31T09:00:00.000Z' }));
      expect(text(el.shadowRoot!.querySelector('time'))).to.equal('3 hours ago');
      el.paper = makePaper({ publishedAt: '2024-09-01T00:00:00.000Z' });
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('time'))).to.equal('Sep 1, 2024');
    });

    it('writes dates and numbers in the language of the page (lang="fr")', async () => {
      const wrapper = await fixture(html`<div lang="fr">
        <paperfeed-card .paper=${makePaper({ upvotes: 1234 })}></paperfeed-card>
      </div>`);
      const el = wrapper.querySelector('paperfeed-card')!;
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('time'))).to.equal('il y a 3 jours');
      expect(part(el, 'upvotes')!.querySelector('span[aria-hidden]')!.textContent).to.equal('1\u202f234');
      el.paper = makePaper({ publishedAt: '2024-09-01T00:00:00.000Z' });
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('time'))).to.equal('1 sept. 2024');
    });

    it('follows a change of the page language', async () => {
      const wrapper = await fixture(html`<div lang="en"><paperfeed-card .paper=${makePaper()}></paperfeed-card></div>`);
      const el = wrapper.querySelector('paperfeed-card')!;
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('time'))).to.equal('3 days ago');
      const rendered = new Promise<void>((resolve) => {
        new MutationObserver((_, observer) => {
          observer.disconnect();
          resolve();
        }).observe(el.shadowRoot!, { subtree: true, characterData: true, childList: true });
      });
      wrapper.setAttribute('lang', 'de');
      await rendered;
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('time'))).to.equal('vor 3 Tagen');
    });

    it('omits the date when the feed has none or an invalid one', async () => {
      const el = await card(makePaper({ publishedAt: '' }));
      expect(el.shadowRoot!.querySelector('time')).to.equal(null);
      el.paper = makePaper({ publishedAt: 'not a date' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('time')).to.equal(null);
    });

    it('shows upvotes in a box beside the title and comments in the meta line, with spoken labels', async () => {
      const el = await card();
      const upvotes = part(el, 'upvotes')!;
      const comments = part(el, 'meta')!.querySelector('.comments')!;
      expect(text(upvotes.querySelector('[aria-hidden="true"]:not(svg)'))).to.equal('42');
      expect(text(upvotes.querySelector('.visually-hidden'))).to.equal('42 upvotes');
      expect(text(comments.querySelector('.visually-hidden'))).to.equal('7 comments');
      // The box sits at the title's start, and its number is larger than the meta line's text.
      const box = upvotes.getBoundingClientRect();
      const title = part(el, 'title')!.getBoundingClientRect();
      expect(box.right).to.be.at.most(title.left);
      expect(box.top).to.be.closeTo(title.top, 4);
      expect(parseFloat(getComputedStyle(upvotes).fontSize)).to.be.greaterThan(parseFloat(getComputedStyle(part(el, 'meta')!).fontSize));
      el.paper = makePaper({ upvotes: 1, comments: undefined });
      await el.updateComplete;
      expect(text(part(el, 'upvotes')!.querySelector('.visually-hidden'))).to.equal('1 upvote');
      expect(part(el, 'meta')!.querySelector('.comments')).to.equal(null);
      el.paper = makePaper({ upvotes: undefined });
      await el.updateComplete;
      expect(part(el, 'upvotes')).to.equal(null);
    });

    it('shows no count a script set to something other than a finite number', async () => {
      // No adapter in between: `paper` set by a page script may carry anything.
      const junk = { upvotes: '42', comments: Number.NaN, codeStars: Number.POSITIVE_INFINITY } as unknown as Partial<Paper>;
      const el = await card(makePaper(junk));
      expect(part(el, 'upvotes')).to.equal(null);
      expect(part(el, 'meta')!.querySelectorAll('.comments').length).to.equal(0);
      expect(text(part(el, 'meta'))).not.to.contain('42');
      const code = part(el, 'links')!.querySelectorAll('a')[2];
      expect(text(code)).to.equal('Code');
      expect(code.hasAttribute('aria-label')).to.equal(false);
    });

    it('links arXiv, PDF, Code with compact stars, and the project page', async () => {
      const el = await card();
      const links = [...part(el, 'links')!.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://arxiv.org/abs/2410.12345',
        'https://arxiv.org/pdf/2410.12345',
        'https://github.com/example/top-h',
        'https://example.org/top-h',
      ]);
      expect(links.map((a) => text(a))).to.deep.equal(['arXiv', 'PDF', 'Code 1.3k', 'Project page']);
      expect(links[2].getAttribute('aria-label')).to.equal('Code, 1.3k stars');
      expect(links[0].hasAttribute('aria-label')).to.equal(false);
    });

    it('shows only the links it has, and Code without stars when none are known', async () => {
      const el = await card(makePaper({ arxivUrl: undefined, pdfUrl: undefined, projectUrl: undefined, codeStars: undefined }));
      const links = [...part(el, 'links')!.querySelectorAll('a')];
      expect(links.map((a) => text(a))).to.deep.equal(['Code']);
      expect(links[0].hasAttribute('aria-label')).to.equal(false);
    });

    it('shows keywords as a labelled list', async () => {
      const el = await card();
      const tags = part(el, 'tags')!;
      expect(tags.localName).to.equal('ul');
      expect(tags.getAttribute('aria-label')).to.equal('Keywords');
      expect([...tags.querySelectorAll('li')].map((li) => text(li))).to.deep.equal(['LLM', 'Decoding']);
    });

    it('lazy-loads the thumbnail with its size reserved, decorative unless strings name it', async () => {
      const el = await card();
      const img = part(el, 'thumbnail') as HTMLImageElement;
      expect(img.getAttribute('src')).to.equal(THUMBNAIL);
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(img.getAttribute('width')).to.equal('640');
      expect(img.getAttribute('height')).to.equal('360');
      // A feed picks the image host: it learns nothing about the page the reader is on.
      expect(img.referrerPolicy).to.equal('no-referrer');
      // Decorative by default: the title is right beside it; a page may name it through strings.
      expect(img.getAttribute('alt')).to.equal('');
      el.strings = { thumbnailAlt: 'Figure from {title}' };
      await el.updateComplete;
      expect(img.alt).to.equal('Figure from Sharp bounds for ℓₚ norms');
      const box = img.parentElement!.getBoundingClientRect();
      expect(box.height).to.be.closeTo((box.width * 9) / 16, 1);
    });

    it('removes a thumbnail that fails to load, box and all', async () => {
      const el = await card(makePaper({ thumbnail: new URL('/test/fixtures/missing.png', location.href).href }));
      const img = part(el, 'thumbnail') as HTMLImageElement;
      if (img) await oneEvent(img, 'error');
      await el.updateComplete;
      expect(part(el, 'thumbnail')).to.equal(null);
      // No grey slab where the image was: the title is the first thing in the card.
      expect(el.shadowRoot!.querySelector('.thumbnail-box')).to.equal(null);
      const cardTop = part(el, 'card')!.getBoundingClientRect().top;
      expect(part(el, 'title')!.getBoundingClientRect().top - cardTop).to.be.below(24);
    });

    it('makes TeX readable as text', async () => {
      const el = await card(makePaper({ title: 'Attention in $\\mathbb{R}^{d}$ with $\\alpha \\times \\beta \\leq 2$ and $x_{i}$' }));
      expect(text(part(el, 'title'))).to.equal('Attention in ℝᵈ with α × β ≤ 2 and xᵢ');
      expect(text(part(el, 'summary'))).to.contain('a bound in ℝᵈ and release code.');
    });

    it('turns markdown emphasis into <strong>/<em> without the markers', async () => {
      const el = await card(makePaper({ title: 'Decoding with **top-H** and *entropy* __gates__' }));
      const title = part(el, 'title')!;
      expect(text(title)).to.equal('Decoding with top-H and entropy gates');
      expect([...title.querySelectorAll('strong')].map((n) => text(n))).to.deep.equal(['top-H', 'gates']);
      expect(text(title.querySelector('em'))).to.equal('entropy');
      expect(text(part(el, 'summary'))).not.to.contain('*');
    });

    it('shows hostile markup as literal text', async () => {
      const hostile = '<img src=x onerror="window.__pwned=1">Title';
      const el = await card(makePaper({ title: hostile, summary: '<script>window.__pwned=1</script>', tags: ['<b>x</b>'] }));
      const title = part(el, 'title')!;
      expect(title.querySelector('img')).to.equal(null);
      expect(text(title)).to.equal('<img src=x onerror="window.__pwned=1">Title');
      expect(part(el, 'summary')!.querySelector('script')).to.equal(null);
      expect(text(part(el, 'tags'))).to.equal('<b>x</b>');
      await aTimeout(0); // an onerror would have run by now
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('renders variant="compact" as title, authors and meta only, reflecting it', async () => {
      const el = await card(makePaper(), 'variant=compact');
      expect(el.variant).to.equal('compact');
      expect(part(el, 'title')).to.exist;
      expect(part(el, 'authors')).to.exist;
      expect(part(el, 'meta')).to.exist;
      for (const name of ['thumbnail', 'summary', 'links', 'tags', 'toggle']) expect(part(el, name), name).to.equal(null);
    });

    it('reads a junk variant as "full"', async () => {
      const el = await card(makePaper(), 'variant=compact');
      el.setAttribute('variant', 'huge');
      await el.updateComplete;
      expect(el.variant).to.equal('full');
      expect(part(el, 'summary')).to.exist;
      expect(part(el, 'thumbnail')).to.exist;
      el.variant = 'compact';
      await el.updateComplete;
      expect(el.getAttribute('variant')).to.equal('compact');
    });

    it('uses heading-level for the title, falling back to 3 for junk', async () => {
      const el = await card(makePaper(), 'heading-level=2');
      expect(el.headingLevel).to.equal(2);
      expect(part(el, 'title')!.localName).to.equal('h2');
      for (const junk of ['9', '0', 'abc', '2.5']) {
        el.setAttribute('heading-level', junk);
        await el.updateComplete;
        expect(part(el, 'title')!.localName, junk).to.equal('h3');
      }
      el.headingLevel = 6;
      await el.updateComplete;
      expect(part(el, 'title')!.localName).to.equal('h6');
    });

    it('clamps a long abstract until expanded, and lists all authors when expanded', async () => {
      const el = await card();
      const summary = part(el, 'summary')!;
      expect(summary.classList.contains('clamped')).to.equal(true);
      const clampedHeight = summary.getBoundingClientRect().height;
      el.expanded = true;
      await el.updateComplete;
      expect(el.hasAttribute('expanded')).to.equal(true);
      expect(summary.classList.contains('clamped')).to.equal(false);
      expect(summary.getBoundingClientRect().height).to.be.greaterThan(clampedHeight);
      expect(text(part(el, 'authors'))).to.equal('Ada Lovelace, Alan Turing, Grace Hopper, Edsger Dijkstra, Barbara Liskov');
    });

    it('gives a short abstract no toggle', async () => {
      const el = await card(makePaper({ summary: 'Short.' }));
      expect(text(part(el, 'summary'))).to.equal('Short.');
      expect(part(el, 'toggle')).to.equal(null);
    });

    it('replaces UI texts from the strings property, keeping defaults for the rest', async () => {
      const el = await card(makePaper({ authorCount: 7 }));
      el.strings = { showMore: 'Afficher plus', moreAuthors: 'et {n} autres', codeStars: 'Code, {n} étoiles', upvotes: 42 as unknown as string };
      await el.updateComplete;
      expect(text(part(el, 'toggle'))).to.equal('Afficher plus');
      expect(text(part(el, 'authors'))).to.contain('et 4 autres');
      expect(part(el, 'links')!.querySelectorAll('a')[2].getAttribute('aria-label')).to.equal('Code, 1.3k étoiles');
      expect(text(part(el, 'upvotes')!.querySelector('.visually-hidden'))).to.equal('42 upvotes');
    });

    it('renders a hidden skeleton of the final size without a paper', async () => {
      const el = await card(null);
      const article = part(el, 'card')!;
      expect(article.getAttribute('aria-hidden')).to.equal('true');
      expect(article.querySelectorAll('.bone').length).to.be.greaterThan(3);
      expect(text(article)).to.equal('');
      const skeletonHeight = el.getBoundingClientRect().height;
      expect(skeletonHeight).to.be.greaterThan(150);
      el.paper = makePaper();
      await el.updateComplete;
      expect(part(el, 'card')!.hasAttribute('aria-hidden')).to.equal(false);
    });

    it('pulses the skeleton, and holds it still when the reader asks for reduced motion', async () => {
      const el = await card(null);
      const bone = el.shadowRoot!.querySelector('.body .bone')!;
      expect(bone.getAnimations().length).to.equal(1);
      try {
        await emulateMedia({ reducedMotion: 'reduce' });
        // No shortened infinite animation either (that flickers): none at all.
        expect(bone.getAnimations().length).to.equal(0);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('keeps its natural height alone and inside a size container; only the skeleton reserves a typical height', async () => {
      const short = makePaper({ summary: 'One line.', tags: [], thumbnail: undefined });
      const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 700px">
        <paperfeed-card style="container-type: inline-size"></paperfeed-card>
        <paperfeed-card .paper=${short}></paperfeed-card>
        <paperfeed-card style="container-type: inline-size" .paper=${short}></paperfeed-card>
      </div>`);
      const [skeleton, alone, contained] = [...wrapper.querySelectorAll('paperfeed-card')];
      await Promise.all([skeleton, alone, contained].map((el) => el.updateComplete));
      const skeletonHeight = skeleton.getBoundingClientRect().height;
      // The thumbnail-less card is its content, shorter than a typical paper, with or without a container.
      expect(alone.getBoundingClientRect().height).to.be.lessThan(skeletonHeight - 40);
      expect(contained.getBoundingClientRect().height).to.be.closeTo(alone.getBoundingClientRect().height, 1);
    });

    it('keeps the host page hidden attribute', async () => {
      const el = await card(makePaper(), 'hidden');
      expect(getComputedStyle(el).display).to.equal('none');
    });
  });

  describe('parts', () => {
    it('exposes every documented part', async () => {
      const el = await card();
      for (const name of ['card', 'title', 'upvotes', 'authors', 'summary', 'meta', 'links', 'thumbnail', 'tags', 'toggle']) {
        expect(part(el, name), name).to.exist;
      }
      expect(part(el, 'card')!.localName).to.equal('article');
      expect(part(el, 'thumbnail')!.localName).to.equal('img');
    });

    it('can be styled from the page through ::part and custom properties', async () => {
      const wrapper = await fixture(html`<div>
        <style>
          .styled::part(title) { color: rgb(1, 2, 3); }
          .styled { --paperfeed-card-padding: 7px; }
        </style>
        <paperfeed-card class="styled" .paper=${makePaper()}></paperfeed-card>
      </div>`);
      const el = wrapper.querySelector('paperfeed-card')!;
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'title')!).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(el.shadowRoot!.querySelector('.body')!).paddingInlineStart).to.equal('7px');
    });
  });

  describe('events and keyboard', () => {
    it('toggles the abstract with the keyboard (Enter, then Space)', async () => {
      const el = await card();
      const button = part(el, 'toggle') as HTMLButtonElement;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(part(el, 'summary')!.id);
      expect(text(button)).to.equal('Show more');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.expanded).to.equal(true);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(text(button)).to.equal('Show less');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.expanded).to.equal(false);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('folds again when it is given another paper, and stays open for the same one', async () => {
      const el = await card();
      el.expanded = true;
      await el.updateComplete;
      el.paper = { ...el.paper!, upvotes: 43 }; // the same paper, refreshed
      await el.updateComplete;
      expect(el.expanded).to.equal(true);
      el.paper = makePaper({ id: '2410.99999', title: 'Another paper' });
      await el.updateComplete;
      expect(el.expanded).to.equal(false);
      expect(part(el, 'toggle')!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('reaches every link and the toggle with Tab, in reading order', async () => {
      const el = await card();
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      const visited: string[] = [];
      for (let i = 0; i < 7; i++) {
        await sendKeys({ press: 'Tab' });
        const active = el.shadowRoot!.activeElement as HTMLElement | null;
        visited.push(active ? text(active) : '(outside)');
      }
      before.remove();
      expect(visited).to.deep.equal([
        'Sharp bounds for ℓₚ norms',
        'Example Lab',
        'Show more',
        'arXiv',
        'PDF',
        'Code 1.3k',
        'Project page',
      ]);
    });

    it('shows a visible focus ring', async () => {
      const el = await card();
      (part(el, 'toggle') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Shift+Tab' });
      await sendKeys({ press: 'Tab' });
      const style = getComputedStyle(part(el, 'toggle')!);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });

  describe('dev mode', () => {
    it('causes no Lit dev-mode warnings', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args);
      };
      try {
        const el = await card(null);
        el.paper = makePaper();
        el.variant = 'compact';
        el.headingLevel = 9;
        el.expanded = true;
        await el.updateComplete;
        el.variant = 'full';
        await el.updateComplete;
      } finally {
        console.warn = original;
      }
      const fromLit = warnings.filter((args) => !/Lit is in dev mode/.test(String(args[0])));
      expect(fromLit.map(String)).to.deep.equal([]);
    });
  });
});
