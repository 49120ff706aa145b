import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { readEmbeddedPaper } from '../internal/embedded.js';
import { property, state } from 'lit/decorators.js';
import type { Paper } from '../feed/paper.js';
import { safeUrl } from '../feed/parse/url.js';
import { PaperfeedElement } from '../internal/base.js';
import { formatCompact, formatDateTime, formatNumber, formatWhen, parseDate, pluralTemplate, type PluralText } from '../internal/format.js';
import { heading, headingLevel } from '../internal/heading.js';
import { hostStyles } from '../internal/host.styles.js';
import { normalize, oneOf } from '../internal/normalize.js';
import { readableParts, readableText, type TextPart } from '../internal/readable.js';
import { fill, mergeStrings } from '../internal/strings.js';
import { LangObserver } from '../internal/lang.js';
import { MinuteTicker } from '../internal/ticker.js';
import { SCHOLARLY_ARTICLE, scholarlyMicrodata } from '../reader/metadata.js';
import { newBadgeStyles } from '../reader/badge.styles.js';
import { cardStyles } from './paperfeed-card.styles.js';
import { CardReader } from './reader.js';
import type { ReaderStringKey } from '../reader/strings.js';
import type { Strings } from '../internal/strings.js';
import { cardStrings, type CardStrings } from './strings.js';

export { defaultCardStrings, type CardStrings } from './strings.js';

export type CardVariant = 'full' | 'compact';
const VARIANTS: readonly CardVariant[] = ['full', 'compact'];

/** Named authors shown before "+ N more" while the card is not expanded. */
const AUTHORS_SHOWN = 3;
/**
 * Abstracts shorter than this (in characters) fit the three clamped lines at common card widths, so
 * they get no "Show more" button. A length rule keeps the render deterministic; measuring overflow
 * would need a ResizeObserver per card and a second render.
 */
const TOGGLE_MIN_LENGTH = 240;
/**
 * Keywords shown while a card with a "Show more" toggle is folded: real HF papers carry up to 14
 * (`ai_keywords`), eight rows of chips on a phone. The rest come with "Show more".
 */
const TAGS_SHOWN = 6;
/** The badge's text unless `strings.newBadge` overrides it (the same key as `readerStrings`). */
const NEW_BADGE = { newBadge: 'New' };

const upvoteIcon = html`<svg class="icon" viewBox="0 0 12 12" aria-hidden="true">
  <path d="M6 1.5 11 8H1z" fill="currentColor" />
</svg>`;
const commentIcon = html`<svg class="icon" viewBox="0 0 12 12" aria-hidden="true">
  <path d="M2 2h8a1 1 0 0 1 1 1v5a1 1 0 0 1-1 1H5l-3 2.5V9a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z" fill="currentColor" />
</svg>`;
const starIcon = html`<svg class="icon" viewBox="0 0 12 12" aria-hidden="true">
  <path d="m6 .8 1.6 3.4 3.7.4-2.8 2.5.8 3.7L6 8.9l-3.3 1.9.8-3.7L.7 4.6l3.7-.4z" fill="currentColor" />
</svg>`;

/**
 * One research paper, rendered as text, laid out like a card of Hugging Face's Daily Papers: the
 * upvote count in a box beside the title, authors, "Submitted by" with the submitter's avatar, the
 * organization with its logo, date, comments, the thumbnail, a clamped abstract, keywords and links.
 * Without a `paper` it is a skeleton the size of a typical card, which `<paperfeed-list>` uses while
 * loading.
 *
 * A card is as tall as its content (no reserved height once a paper is in it). Inside a size
 * container (`container-type: inline-size`, which `<paperfeed-list>` gives its cards) a card at
 * least 40rem wide shows its thumbnail in a column beside the text.
 *
 * @summary A research-paper card like the ones on Hugging Face's Daily Papers page.
 * @tag paperfeed-card
 *
 * @csspart card - The `<article>` around everything.
 * @csspart thumbnail - The thumbnail `<img>`.
 * @csspart title - The heading that holds the title (and its link).
 * @csspart upvotes - The upvote box beside the title (the number; its spoken text is "N upvotes").
 * @csspart authors - The author line.
 * @csspart meta - Submitter, organization, date and comments.
 * @csspart submitter - "Submitted by" and the submitter's avatar and name.
 * @csspart organization - The organization's logo and name.
 * @csspart avatar - Each avatar: an `<img>`, or a `<span>` with the name's first letter when the image is missing or broken.
 * @csspart ai-summary - The machine-written summary (with the `ai-summary` attribute).
 * @csspart summary - The abstract (clamped until expanded).
 * @csspart toggle - The "Show more" / "Show less" button.
 * @csspart tags - The keyword list.
 * @csspart links - The list of arXiv, PDF, Code and project links.
 * @csspart actions - The row of reader actions (with `cite` or `save`).
 * @csspart cite - The Cite popover (BibTeX entry and copy buttons).
 * @csspart actions-status - The status text of the actions row ("BibTeX entry copied.").
 * @csspart new - The "New" badge before the title (with `new`).
 *
 * @event {PaperfeedCiteEvent} paperfeed-cite - After a Cite copy (bubbles, composed); `detail.ok`, `detail.message`.
 * @event {PaperfeedSaveEvent} paperfeed-save - After Save is toggled (bubbles, composed); `detail.saved`, `detail.ok`, `detail.message`.
 *
 * @cssprop [--paperfeed-card-padding=1rem] - Space inside the card.
 * @cssprop [--paperfeed-card-gap=0.5rem] - Space between the card's rows.
 * @cssprop [--paperfeed-card-background=Canvas] - Card background (defaults to `--paperfeed-background`).
 * @cssprop [--paperfeed-card-border=1px solid (18% of the text colour)] - Card border.
 * @cssprop [--paperfeed-card-radius=0.75rem] - Corner radius (defaults to `--paperfeed-radius`).
 * @cssprop [--paperfeed-card-shadow=none] - Card shadow.
 * @cssprop [--paperfeed-card-title-size=1.0625rem] - Title font size.
 * @cssprop [--paperfeed-card-summary-lines=3] - Lines of abstract shown before "Show more".
 * @cssprop [--paperfeed-card-thumbnail-ratio=16 / 9] - Aspect ratio reserved for the thumbnail.
 * @cssprop [--paperfeed-card-avatar-size=1.25rem] - Width and height of the submitter and organization avatars.
 * @cssprop [--paperfeed-background=Canvas] - Background of a themed element (`theme="light"`/`"dark"` sets it).
 * @cssprop [--paperfeed-color=CanvasText] - Text colour.
 * @cssprop [--paperfeed-muted=(62% of the text colour)] - Secondary text (dates, counts).
 * @cssprop [--paperfeed-border-color=(18% of the text colour)] - Borders and dividers.
 * @cssprop [--paperfeed-radius=0.75rem] - Corner radius.
 * @cssprop [--paperfeed-focus-color=(accent mixed with the text colour)] - Focus rings.
 * @cssprop [--paperfeed-accent=#ff9d00] - Accent colour (icons, hover borders, focus ring tint).
 */
export class PaperfeedCard extends PaperfeedElement {
  // The actions' and math's styles arrive with their code (src/card/reader.ts adopts them).
  static override styles = [hostStyles, cardStyles, newBadgeStyles];

  /** The paper to show. Default `undefined`: the card renders a loading skeleton. */
  @property({ attribute: false }) paper?: Paper;

  /**
   * `full` (default) or `compact` (title, upvotes, authors and meta only). A junk value reads as `full`.
   * @default 'full'
   */
  @property({ reflect: true })
  @normalize(oneOf(VARIANTS, 'full'))
  variant: CardVariant = 'full';

  /**
   * Level of the title's heading, 1–6. Default 3; anything else reads as 3.
   * @default 3
   */
  @property({ attribute: 'heading-level', type: Number })
  @normalize((value) => headingLevel(value))
  headingLevel = 3;

  /** Whether the abstract is shown whole and all named authors are listed. Default false. */
  @property({ type: Boolean, reflect: true }) expanded = false;

  /**
   * Shows the paper's short machine-written summary (Hugging Face's `ai_summary`) above the
   * abstract, when the paper has one. Default false.
   */
  @property({ type: Boolean, attribute: 'ai-summary' }) aiSummary = false;

  /**
   * Shows a "Cite" button: a popover with the paper's BibTeX entry, "Copy BibTeX" and "Copy plain
   * text" (APA). Loads its code on first use. Default false.
   */
  @property({ type: Boolean }) cite = false;

  /**
   * Shows a "Save" toggle (`aria-pressed`) that keeps the paper in this browser (`localStorage`,
   * key `paperfeed:saved`), shared by every card and list of the site and synced across tabs. Default false.
   */
  @property({ type: Boolean }) save = false;

  /**
   * Renders `$…$`, `$$…$$`, `\(…\)` and `\[…\]` in the title and abstract as MathML (temml, loaded
   * only when a text holds math); the Unicode text stays for screen readers and as the fallback. Default false.
   */
  @property({ type: Boolean }) math = false;

  /** Shows a "New" badge before the title (a list with `mark-new` sets it). Default false. */
  @property({ type: Boolean, reflect: true }) new = false;

  /**
   * Replaces UI texts (see `CardStrings` in `card/strings.ts`); missing or unknown keys keep their
   * English default. Texts with a count take `{ one, other, ... }` plural forms. The reader actions'
   * texts (`cite`, `copyBibtex`, `save`, `saved`, … see `readerStrings`) are taken here too. Default `{}`.
   */
  @property({ attribute: false }) strings: Partial<CardStrings> & Partial<Strings<ReaderStringKey>> = {};

  /** Image URLs (thumbnail, avatars) that failed to load: the thumbnail's box goes, an avatar becomes its initial. */
  @state() private failedImages: ReadonlySet<string> = new Set();

  /** Whether the last render wrote a relative time ("3 minutes ago") that will go stale. */
  private showsRelativeTime = false;

  private readonly ticker = new MinuteTicker(this);

  /** Cite, Save and math: their modules load when one of those attributes is first set. */
  readonly #reader = new CardReader(this);

  constructor() {
    super();
    // Registers itself with the host; nothing else to hold on to.
    new LangObserver(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A card rendered alone on the server (paperfeed/ssr renderCard) carries its paper in the page.
    if (!this.hasUpdated && this.paper === undefined) this.paper = readEmbeddedPaper(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('paper')) {
      // Another paper (or the same one refreshed) gets a fresh try at its images.
      if (this.failedImages.size) this.failedImages = new Set();
      // Another paper in this card (a list re-sorted or refreshed): it starts folded, like any card.
      const before = changed.get('paper');
      if (before && before.id !== this.paper?.id && !changed.has('expanded')) this.expanded = false;
    }
  }

  protected override updated(): void {
    this.ticker.active = this.showsRelativeTime;
  }

  /** Also waits for the code of `cite`, `save` and `math` when one was just set, and the render after it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let pending = this.#reader.pending; pending; pending = this.#reader.pending) {
      await pending;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private onToggle(): void {
    this.expanded = !this.expanded;
  }

  /** An `<img>` of ours fired `error`: remember its URL so the next render leaves it out. */
  private onImageError(event: Event): void {
    const src = (event.target as HTMLImageElement).getAttribute('src');
    if (!src || this.failedImages.has(src)) return;
    this.failedImages = new Set([...this.failedImages, src]);
  }

  override render() {
    const paper = this.paper;
    this.showsRelativeTime = false;
    if (!paper || typeof paper !== 'object') return this.renderSkeleton();
    const s = cardStrings(this.strings);
    const compact = this.variant === 'compact';
    this.#reader.want(this.cite || this.save, this.math);
    return html`
      <article part="card" class="card" aria-labelledby="title" itemscope itemtype=${SCHOLARLY_ARTICLE}>
        ${compact ? nothing : this.renderThumbnail(paper, s)}
        <div class="body">
          <div class="head">${this.renderTitle(paper)} ${this.renderUpvotes(paper, s)}</div>
          ${this.renderAuthors(paper, s)} ${this.renderMeta(paper, s)}
          ${compact
            ? nothing
            : html`${this.renderAiSummary(paper, s)} ${this.renderSummary(paper, s)} ${this.renderTags(paper, s)}
              ${this.renderLinks(paper, s)}`}
          ${this.cite || this.save ? this.#reader.actions(paper, { cite: this.cite, save: this.save, strings: this.strings }) : nothing}
        </div>
        ${scholarlyMicrodata(paper)}
      </article>
    `;
  }

  private renderSkeleton(): TemplateResult {
    // Each row uses the real row's class, so a bone line is one line box of the real font; the
    // skeleton body's reserved block size (styles) is the height of a typical card.
    const compact = this.variant === 'compact';
    const line = html`<i class="bone"></i>`;
    const short = html`<i class="bone short"></i>`;
    return html`
      <article part="card" class="card skeleton" aria-hidden="true">
        ${compact ? nothing : html`<div class="thumbnail-box bone"></div>`}
        <div class="body">
          <div class="title">${compact ? short : html`${line}${short}`}</div>
          <div class="authors">${short}</div>
          <div class="meta">${short}</div>
          ${compact
            ? nothing
            : html`<div class="summary">${line}${line}${short}</div>
                <div class="tags">${short}</div>
                <div class="links">${short}</div>`}
        </div>
      </article>
    `;
  }

  private renderThumbnail(paper: Paper, s: CardStrings) {
    const src = safeUrl(paper.thumbnail);
    // A thumbnail that failed to load takes its box with it: a grey slab tells the reader nothing.
    if (!src || this.failedImages.has(src)) return nothing;
    // width/height give the browser the ratio before the file arrives; CSS sizes the box itself.
    return html`<div class="thumbnail-box">
      <img
        part="thumbnail"
        src=${src}
        alt=${s.thumbnailAlt && fill(s.thumbnailAlt, { title: readableText(paper.title) })}
        width="640"
        height="360"
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        @error=${this.onImageError}
      />
    </div>`;
  }

  private renderTitle(paper: Paper) {
    const href = safeUrl(paper.url);
    const title = this.#reader.text(paper.title, this.math, () => renderText(readableParts(paper.title)));
    const text = this.new ? html`<span class="pf-new" part="new">${mergeStrings(NEW_BADGE, this.strings).newBadge}</span> ${title}` : title;
    return heading(this.headingLevel, 'title', href ? html`<a href=${href}>${text}</a>` : text);
  }

  /** Hugging Face's upvote box: the number large, its spoken form ("87 upvotes") for screen readers. */
  private renderUpvotes(paper: Paper, s: CardStrings) {
    // Number.isFinite is false for anything but a finite number: a script-set paper may hold junk.
    if (!Number.isFinite(paper.upvotes)) return nothing;
    const n = paper.upvotes!;
    return html`<p part="upvotes" class="upvotes">
      ${upvoteIcon}<span class="count" aria-hidden="true">${formatNumber(n, this.locale)}</span
      ><span class="visually-hidden">${this.count(s.upvotes, n)}</span>
    </p>`;
  }

  private renderAuthors(paper: Paper, s: CardStrings) {
    const names = Array.isArray(paper.authors)
      ? paper.authors.map((a) => (typeof a?.name === 'string' ? a.name.trim() : '')).filter(Boolean)
      : [];
    const count = Math.max(Number.isFinite(paper.authorCount) ? paper.authorCount : 0, names.length);
    if (!count) return nothing;
    if (!names.length) {
      return html`<p part="authors" class="authors" dir="auto">${this.count(s.authors, count)}</p>`;
    }
    const shown = this.expanded ? names : names.slice(0, AUTHORS_SHOWN);
    const rest = count - shown.length;
    return html`<p part="authors" class="authors" dir="auto">
      ${shown.join(', ')}${rest > 0 ? html` <span class="more">${this.count(s.moreAuthors, rest)}</span>` : nothing}
    </p>`;
  }

  private renderMeta(paper: Paper, s: CardStrings) {
    const locale = this.locale;
    const submitter = account(paper.submittedBy);
    const org = account(paper.organization);
    const date = parseDate(paper.publishedAt);
    const when = date ? formatWhen(date, locale) : undefined;
    this.showsRelativeTime = !!when?.isRelative;
    const comments = Number.isFinite(paper.comments) ? paper.comments! : undefined;
    if (!submitter && !org && !when && comments === undefined) return nothing;
    return html`<p part="meta" class="meta">
      ${submitter
        ? html`<span part="submitter" class="submitter"
            >${this.renderAvatar(submitter, 'user')}<span dir="auto"
              >${fillWith(s.submittedBy, 'name', nameLink(submitter))}</span
            ></span
          >`
        : nothing}
      ${org
        ? html`<span part="organization" class="organization"
            >${this.renderAvatar(org, 'org')}${nameLink(org)}</span
          >`
        : nothing}
      ${date && when
        ? html`<time datetime=${date.toISOString()} title=${formatDateTime(date, locale)}>${when.text}</time>`
        : nothing}
      ${comments === undefined
        ? nothing
        : html`<span class="comments"
            >${commentIcon}<span aria-hidden="true">${formatNumber(comments, locale)}</span
            ><span class="visually-hidden">${this.count(s.comments, comments)}</span></span
          >`}
    </p>`;
  }

  /**
   * An avatar of a fixed size (set before the image loads, so nothing moves), loaded lazily and
   * without a referrer (the image host learns nothing about the page). It is decorative: the name
   * is next to it. No usable URL, or an image that fails, gives the name's first letter instead.
   */
  private renderAvatar(who: Account, kind: 'user' | 'org') {
    const src = safeUrl(who.avatar);
    if (src && !this.failedImages.has(src)) {
      return html`<img
        part="avatar"
        class="avatar ${kind}"
        src=${src}
        alt=""
        width="20"
        height="20"
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        @error=${this.onImageError}
      />`;
    }
    return html`<span part="avatar" class="avatar ${kind} initial" aria-hidden="true">${initial(who.name, this.locale)}</span>`;
  }

  private renderAiSummary(paper: Paper, s: CardStrings) {
    if (!this.aiSummary) return nothing;
    const parts = readableParts(paper.aiSummary);
    if (!parts.length) return nothing;
    return html`<p part="ai-summary" class="ai-summary" dir="auto">
      <span class="label">${s.aiSummary}</span> ${renderText(parts)}
    </p>`;
  }

  private renderSummary(paper: Paper, s: CardStrings) {
    const parts = readableParts(paper.summary);
    if (!parts.length) return nothing;
    const long = hasToggle(paper);
    return html`<p part="summary" class="summary ${long && !this.expanded ? 'clamped' : ''}" id="summary" dir="auto">
        ${this.#reader.text(paper.summary, this.math, () => renderText(parts))}
      </p>
      ${long
        ? html`<button
            part="toggle"
            class="toggle"
            type="button"
            aria-expanded=${this.expanded ? 'true' : 'false'}
            aria-controls="summary"
            @click=${this.onToggle}
          >
            ${this.expanded ? s.showLess : s.showMore}
          </button>`
        : nothing}`;
  }

  private renderTags(paper: Paper, s: CardStrings) {
    const tags = Array.isArray(paper.tags) ? paper.tags.filter((t) => typeof t === 'string' && t.trim()) : [];
    if (!tags.length) return nothing;
    // Only a card with a toggle folds its keywords: whatever is folded, the reader can unfold.
    const folded = !this.expanded && hasToggle(paper) && tags.length > TAGS_SHOWN + 1;
    const shown = folded ? tags.slice(0, TAGS_SHOWN) : tags;
    return html`<ul part="tags" class="tags" aria-label=${s.tags}>
      ${shown.map((tag) => html`<li dir="auto">${tag}</li>`)}
      ${folded ? html`<li class="more">${this.count(s.moreTags, tags.length - shown.length)}</li>` : nothing}
    </ul>`;
  }

  private renderLinks(paper: Paper, s: CardStrings) {
    const locale = this.locale;
    const arxiv = safeUrl(paper.arxivUrl);
    const pdf = safeUrl(paper.pdfUrl);
    const code = safeUrl(paper.codeUrl);
    const project = safeUrl(paper.projectUrl);
    if (!arxiv && !pdf && !code && !project) return nothing;
    const stars = Number.isFinite(paper.codeStars) ? paper.codeStars : undefined;
    const starText = stars === undefined ? '' : formatCompact(stars, locale);
    // The visible "Code ★ 1.3k" starts the accessible name "Code, 1.3k stars" (label in name, WCAG 2.5.3).
    return html`<ul part="links" class="links" aria-label=${s.links}>
      ${arxiv ? html`<li><a href=${arxiv}>${s.arxiv}</a></li>` : nothing}
      ${pdf ? html`<li><a href=${pdf}>${s.pdf}</a></li>` : nothing}
      ${code
        ? html`<li>
            <a
              href=${code}
              aria-label=${stars === undefined ? nothing : fill(pluralTemplate(s.codeStars, stars, locale), { n: starText })}
              >${s.code}${stars === undefined ? nothing : html` <span class="stars">${starIcon}${starText}</span>`}</a
            >
          </li>`
        : nothing}
      ${project ? html`<li><a href=${project}>${s.project}</a></li>` : nothing}
    </ul>`;
  }

  /** A count text: the plural form for `n` in the card's language, `{n}` written in that language. */
  private count(text: PluralText, n: number): string {
    const locale = this.locale;
    return fill(pluralTemplate(text, n, locale), { n: formatNumber(n, locale) });
  }
}

interface Account {
  name: string;
  url?: string;
  avatar?: string;
}

/** Whether the card has a "Show more" toggle: its abstract is too long for the clamped lines. */
function hasToggle(paper: Paper): boolean {
  return readableParts(paper.summary).reduce((n, part) => n + part.text.length, 0) >= TOGGLE_MIN_LENGTH;
}

/** A submitter or organization with a usable name; anything else (a script's junk) is none. */
function account(value: unknown): Account | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { name, url, avatar } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !name.trim()) return undefined;
  return {
    name: name.trim(),
    url: typeof url === 'string' ? url : undefined,
    avatar: typeof avatar === 'string' ? avatar : undefined,
  };
}

/** The name, linked to the profile when it has an http(s) one. */
function nameLink(who: Account) {
  const href = safeUrl(who.url);
  return href ? html`<a href=${href}>${who.name}</a>` : who.name;
}

/** The first letter or digit of a name, upper-cased in the card's language ("?" when it has none). */
function initial(name: string, locale: string): string {
  const first = /[\p{L}\p{N}]/u.exec(name)?.[0] ?? '?';
  try {
    return first.toLocaleUpperCase(locale);
  } catch {
    return first.toUpperCase();
  }
}

/**
 * `template` with `{key}` replaced by `value`, which may be a template (a link): the translator
 * places the name, and the name stays a real element instead of text glued into a string.
 */
function fillWith(template: string, key: string, value: unknown) {
  const pieces = template.split(`{${key}}`);
  return pieces.map((piece, i) => (i === 0 ? piece : html`${value}${piece}`));
}

/** Text runs as Lit templates: only `<strong>`/`<em>` we write ourselves, the text always as text. */
function renderText(parts: TextPart[]) {
  return parts.map((part) => {
    const inner = part.em ? html`<em>${part.text}</em>` : part.text;
    return part.strong ? html`<strong>${inner}</strong>` : inner;
  });
}
