// Every text the card writes is replaceable (issue 12): `strings` over the English defaults of
// src/card/strings.ts, `{n}` texts in the plural forms of the nearest `lang`, keys the card does not
// know ignored (a list hands its whole merged record to its cards).
import { expect, fixture, html } from '@open-wc/testing';
import '../src/card/define.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';
import { defaultCardStrings, type CardStrings } from '../src/card/strings.js';
import type { Paper } from '../src/feed/paper.js';
import { setClock } from '../src/internal/clock.js';
import { isPluralText, pluralTemplate } from '../src/internal/format.js';
import { LOCAL_IMAGE } from './card-papers.js';
import { germanCardStrings } from '../stories/german.js';

const NOW = Date.parse('2024-10-31T12:00:00.000Z');

// The stories' German texts, with a feminine plural and an alt text that names the paper, so that
// both placeholders of a plural text and `{title}` are read in German too.
const GERMAN: CardStrings = {
  ...germanCardStrings,
  authors: { one: '{n} Autorin', other: '{n} Autorinnen' },
  thumbnailAlt: 'Abbildung zu {title}',
};

/** A paper written in German, so any English left in the card can only be the card's own. */
const germanPaper: Paper = {
  id: '2410.12345',
  title: 'Schärfere Schranken für Dekodierung mit Entropie',
  summary:
    'Wir untersuchen die Dekodierung großer Sprachmodelle und zeigen, dass eine einfache Entropieregel die Qualität ' +
    'der Nukleus-Stichprobe erhält und Wiederholungen verringert. Über sechs Vergleichsaufgaben und drei Modellfamilien ' +
    'ist das Verfahren nie schlechter als die beste abgestimmte Grundlinie, und es braucht keinerlei Abstimmung.',
  authors: ['Käthe Müller', 'Jürgen Weiß', 'Anna Schmidt', 'Lena Vogel', 'Tobias Kraus'].map((name) => ({ name })),
  authorCount: 5,
  publishedAt: '2024-10-28T00:00:00.000Z',
  upvotes: 1234,
  comments: 1,
  url: 'https://huggingface.co/papers/2410.12345',
  arxivUrl: 'https://arxiv.org/abs/2410.12345',
  pdfUrl: 'https://arxiv.org/pdf/2410.12345',
  codeUrl: 'https://github.com/beispiel/entropie',
  codeStars: 1300,
  projectUrl: 'https://beispiel.de/entropie',
  thumbnail: LOCAL_IMAGE,
  tags: ['Sprachmodelle', 'Dekodierung'],
  organization: { name: 'Beispiel-Institut', url: 'https://huggingface.co/beispiel' },
  submittedBy: { name: 'Käthe Müller', url: 'https://huggingface.co/kmueller' },
  aiSummary: 'Eine Entropieregel ersetzt das Abstimmen der Stichprobe.',
  source: 'hf',
};

/** Words of the English defaults (minus the names German shares: arXiv, PDF). */
const ENGLISH = /\b(show|more|less|authors?|upvotes?|comments?|submitted|by|summary|code|stars?|project|page|links|keywords|figure|ago|days?)\b/i;

/** What a reader sees or hears: text, including visually hidden text, plus names in attributes. */
function everything(el: PaperfeedCard): string {
  const root = el.shadowRoot!;
  const attributes = [...root.querySelectorAll('[aria-label], [alt], [title]')].flatMap((node) =>
    ['aria-label', 'alt', 'title'].map((name) => node.getAttribute(name) ?? ''),
  );
  return [root.textContent ?? '', ...attributes].join(' ').replace(/\s+/g, ' ');
}

const part = (el: PaperfeedCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function inLang(lang: string, paper: Paper, strings: unknown, attrs = ''): Promise<PaperfeedCard> {
  const wrapper = await fixture(html`<div lang=${lang}>
    <paperfeed-card .paper=${paper} .strings=${strings as Partial<CardStrings>}></paperfeed-card>
  </div>`);
  const el = wrapper.querySelector<PaperfeedCard>('paperfeed-card')!;
  for (const name of attrs.split(' ').filter(Boolean)) el.setAttribute(name, '');
  await el.updateComplete;
  return el;
}

describe('<paperfeed-card> strings', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('a German card (lang="de", strings set) shows no English word', async () => {
    const el = await inLang('de', germanPaper, GERMAN, 'ai-summary');
    const all = everything(el);
    expect(all.match(ENGLISH), all).to.equal(null);
    // ...and says what it should, in German, with German numbers and plural forms.
    expect(text(part(el, 'upvotes')!.querySelector('.visually-hidden'))).to.equal('1.234 Stimmen');
    expect(text(part(el, 'meta')!.querySelector('.comments .visually-hidden'))).to.equal('1 Kommentar');
    expect(text(part(el, 'submitter')!.querySelector('[dir]'))).to.equal('Eingereicht von Käthe Müller');
    expect(text(part(el, 'authors'))).to.equal('Käthe Müller, Jürgen Weiß, Anna Schmidt + 2 weitere');
    expect(text(part(el, 'toggle'))).to.equal('Mehr anzeigen');
    expect(text(el.shadowRoot!.querySelector('time'))).to.equal('vor 3 Tagen');
    expect(part(el, 'links')!.querySelectorAll('a')[2].getAttribute('aria-label')).to.equal('Quellcode, 1300 Sterne');
    expect(text(part(el, 'ai-summary'))).to.match(/^KI-Zusammenfassung /);
    await expect(el).to.be.accessible();
  });

  it('the same card without strings is English (the check above can fail)', async () => {
    const el = await inLang('de', germanPaper, {}, 'ai-summary');
    expect(everything(el)).to.match(ENGLISH);
  });

  it('picks the plural form by the language: one/few/many/other in Polish', async () => {
    const upvotes = { one: '{n} głos', few: '{n} głosy', many: '{n} głosów', other: '{n} głosu' };
    const spoken = async (n: number) => {
      const el = await inLang('pl', { ...germanPaper, upvotes: n }, { upvotes });
      return text(part(el, 'upvotes')!.querySelector('.visually-hidden'));
    };
    expect(await spoken(1)).to.equal('1 głos');
    expect(await spoken(3)).to.equal('3 głosy');
    expect(await spoken(5)).to.equal('5 głosów');
  });

  it('takes a plain template for a count text, and the English defaults for what is missing or junk', async () => {
    const el = await inLang('en', { ...germanPaper, upvotes: 1 }, {
      upvotes: '▲ {n}',
      comments: { one: 42 },
      showMore: ['junk'],
      // Keys a list or subscribe form uses: a list hands its whole record to its cards.
      retry: 'Erneut versuchen',
      loading: 'Lädt…',
    });
    expect(text(part(el, 'upvotes')!.querySelector('.visually-hidden'))).to.equal('▲ 1');
    expect(text(part(el, 'meta')!.querySelector('.comments .visually-hidden'))).to.equal('1 comment');
    expect(text(part(el, 'toggle'))).to.equal('Show more');
    expect(everything(el)).not.to.contain('Erneut');
  });

  it('pluralTemplate picks the category of the language, falling back to other; isPluralText rejects junk', () => {
    const arabic = { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: 'x' };
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralTemplate(arabic, n, 'ar'))).to.deep.equal(['z', 'o', 't', 'f', 'm', 'x']);
    expect(pluralTemplate({ other: '{n} x' }, 1, 'en')).to.equal('{n} x');
    expect(pluralTemplate('{n} plain', 1, 'en')).to.equal('{n} plain');
    expect(pluralTemplate({ one: 'one', other: 'other' }, 1, 'not a language!')).to.be.oneOf(['one', 'other']);
    for (const junk of [undefined, null, 3, {}, { one: 'x' }, { other: 'x', one: 7 }, ['x']]) expect(isPluralText(junk), String(junk)).to.equal(false);
    expect(isPluralText({ other: 'x', few: 'y' })).to.equal(true);
  });

  it('documents a default for every key, and no key shares a name with the list or subscribe texts', async () => {
    const keys = Object.keys(defaultCardStrings);
    expect(keys).to.include.members(['upvotes', 'comments', 'submittedBy', 'aiSummary', 'showMore']);
    const others = ['loading', 'loaded', 'matches', 'empty', 'emptyQuery', 'retry', 'loadMore', 'search', 'sort', 'periods', 'previous', 'next', 'label', 'placeholder', 'sending', 'network', 'timeout', 'rejected', 'server'];
    expect(keys.filter((key) => others.includes(key))).to.deep.equal([]);
  });
});
