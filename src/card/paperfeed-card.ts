import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { readEmbeddedPaper } from '../internal/embedded.js';
import { property, state } from 'lit/decorators.js';
import type { Paper } from '../feed/paper.js';
import { safeUrl } from '../feed/url.js';
import { PaperfeedElement } from '../internal/base.js';
import { formatCompact, formatDateTime, formatNumber, formatWhen, parseDate, plural } from '../internal/format.js';
import { heading, headingLevel } from '../internal/heading.js';
import { hostStyles } from '../internal/host.styles.js';
import { normalize, oneOf } from '../internal/normalize.js';
import { readableParts, readableText, type TextPart } from '../internal/readable.js';
import { fill, mergeStrings } from '../internal/strings.js';
import { LangObserver } from '../internal/lang.js';
import { MinuteTicker } from '../internal/ticker.js';
import { cardStyles } from './paperfeed-card.styles.js';

export type CardVariant = 'full' | 'compact';
const VARIANTS: readonly CardVariant[] = ['full', 'compact'];

/** Every text the card shows besides the paper's own. `{n}` and `{title}` are placeholders. */
export interface CardStrings {
  showMore: string;
  showLess: string;
  /** After the first names: "+ {n} more". */
  moreAuthors: string;
  /** When only a count is known: "{n} authors" / "{n} author". */
  authors: string;
  authorsOne: string;
  upvotes: string;
  upvotesOne: string;
  comments: string;
  commentsOne: string;
  arxiv: string;
  pdf: string;
  code: string;
  /** Accessible name of the Code link when stars are known: "Code, {n} stars". */
  codeStars: string;
  codeStarsOne: string;
  project: string;
  /** Accessible name of the links list. */
  links: string;
  /** Accessible name of the keyword list. */
  tags: string;
  /**
   * Alternative text of the thumbnail; `{title}` is the paper's title. Empty by default: the image
   * sits next to the title it would repeat, so screen readers skip it.
   */
  thumbnailAlt: string;
}

export const defaultCardStrings: CardStrings = {
  showMore: 'Show more',
  showLess: 'Show less',
  moreAuthors: '+ {n} more',
  authors: '{n} authors',
  authorsOne: '{n} author',
  upvotes: '{n} upvotes',
  upvotesOne: '{n} upvote',
  comments: '{n} comments',
  commentsOne: '{n} comment',
  arxiv: 'arXiv',
  pdf: 'PDF',
  code: 'Code',
  codeStars: 'Code, {n} stars',
  codeStarsOne: 'Code, {n} star',
  project: 'Project page',
  links: 'Links',
  tags: 'Keywords',
  thumbnailAlt: '',
};

/** Named authors shown before "+ N more" while the card is not expanded. */
const AUTHORS_SHOWN = 3;
/**
 * Abstracts shorter than this (in characters) fit the three clamped lines at common card widths, so
 * they get no "Show more" button. A length rule keeps the render deterministic; measuring overflow
 * would need a ResizeObserver per card and a second render.
 */
const TOGGLE_MIN_LENGTH = 240;

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
 * One research paper, rendered as text: title link, authors, date, upvotes, comments, links, keywords,
 * thumbnail and a clamped abstract. Without a `paper` it is a skeleton of the same size, which
 * `<paperfeed-list>` uses while loading.
 *
 * Inside a size container (`container-type: inline-size`, which `<paperfeed-list>` gives its cards) a
 * card at least 40rem wide shows its thumbnail in a column beside the text, and every card keeps at
 * least the skeleton's height, so papers replacing skeletons move nothing below them.
 *
 * @summary A research-paper card like the ones on Hugging Face's Daily Papers page.
 * @tag paperfeed-card
 *
 * @csspart card - The `<article>` around everything.
 * @csspart thumbnail - The thumbnail `<img>`.
 * @csspart title - The heading that holds the title (and its link).
 * @csspart authors - The author line.
 * @csspart meta - Organization, date, upvotes and comments.
 * @csspart summary - The abstract (clamped until expanded).
 * @csspart toggle - The "Show more" / "Show less" button.
 * @csspart tags - The keyword list.
 * @csspart links - The list of arXiv, PDF, Code and project links.
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
 * @cssprop [--paperfeed-accent=#ff9d00] - Accent colour (icons, hover borders, focus ring tint).
 */
export class PaperfeedCard extends PaperfeedElement {
  static override styles = [hostStyles, cardStyles];

  /** The paper to show. Default `undefined`: the card renders a loading skeleton. */
  @property({ attribute: false }) paper?: Paper;

  /**
   * `full` (default) or `compact` (title, authors and meta only). A junk value reads as `full`.
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

  /** Replaces UI texts (see `CardStrings`); missing keys keep their English default. Default `{}`. */
  @property({ attribute: false }) strings: Partial<CardStrings> = {};

  /** Set when the thumbnail fails to load, so no broken-image icon stays on the card. */
  @state() private thumbnailFailed = false;

  /** Whether the last render wrote a relative time ("3 minutes ago") that will go stale. */
  private showsRelativeTime = false;

  private readonly ticker = new MinuteTicker(this);

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
      this.thumbnailFailed = false;
      // Another paper in this card (a list re-sorted or refreshed): it starts folded, like any card.
      const before = changed.get('paper');
      if (before && before.id !== this.paper?.id && !changed.has('expanded')) this.expanded = false;
    }
  }

  protected override updated(): void {
    this.ticker.active = this.showsRelativeTime;
  }

  private onToggle(): void {
    this.expanded = !this.expanded;
  }

  private onThumbnailError(): void {
    this.thumbnailFailed = true;
  }

  override render() {
    const paper = this.paper;
    this.showsRelativeTime = false;
    if (!paper || typeof paper !== 'object') return this.renderSkeleton();
    const s = mergeStrings(defaultCardStrings, this.strings);
    const compact = this.variant === 'compact';
    return html`
      <article part="card" class="card" aria-labelledby="title">
        ${compact ? nothing : this.renderThumbnail(paper, s)}
        <div class="body">
          ${this.renderTitle(paper)} ${this.renderAuthors(paper, s)} ${this.renderMeta(paper, s)}
          ${compact
            ? nothing
            : html`${this.renderSummary(paper, s)} ${this.renderTags(paper, s)} ${this.renderLinks(paper, s)}`}
        </div>
      </article>
    `;
  }

  private renderSkeleton(): TemplateResult {
    // Each row uses the real row's class, so a bone line is one line box of the real font; the
    // body's reserved block size (styles) makes skeleton and card the same height.
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
    if (!src) return nothing;
    // A failed image leaves its (empty) box: removing it would move everything under it.
    if (this.thumbnailFailed) return html`<div class="thumbnail-box"></div>`;
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
        @error=${this.onThumbnailError}
      />
    </div>`;
  }

  private renderTitle(paper: Paper) {
    const href = safeUrl(paper.url);
    const text = renderText(readableParts(paper.title));
    return heading(this.headingLevel, 'title', href ? html`<a href=${href}>${text}</a>` : text);
  }

  private renderAuthors(paper: Paper, s: CardStrings) {
    const locale = this.locale;
    const names = Array.isArray(paper.authors)
      ? paper.authors.map((a) => (typeof a?.name === 'string' ? a.name.trim() : '')).filter(Boolean)
      : [];
    const count = Math.max(Number.isFinite(paper.authorCount) ? paper.authorCount : 0, names.length);
    if (!count) return nothing;
    if (!names.length) {
      const n = formatNumber(count, locale);
      return html`<p part="authors" class="authors" dir="auto">${fill(plural(count, locale, s.authorsOne, s.authors), { n })}</p>`;
    }
    const shown = this.expanded ? names : names.slice(0, AUTHORS_SHOWN);
    const rest = count - shown.length;
    return html`<p part="authors" class="authors" dir="auto">
      ${shown.join(', ')}${rest > 0
        ? html` <span class="more">${fill(s.moreAuthors, { n: formatNumber(rest, locale) })}</span>`
        : nothing}
    </p>`;
  }

  private renderMeta(paper: Paper, s: CardStrings) {
    const locale = this.locale;
    const org = paper.organization && typeof paper.organization.name === 'string' ? paper.organization : undefined;
    const orgUrl = safeUrl(org?.url);
    const date = parseDate(paper.publishedAt);
    const when = date ? formatWhen(date, locale) : undefined;
    this.showsRelativeTime = !!when?.isRelative;
    // Number.isFinite is false for anything but a finite number: a script-set paper may hold junk.
    const stat = (value: number | undefined, one: string, other: string, icon: TemplateResult, kind: string) =>
      Number.isFinite(value)
        ? html`<span class="stat ${kind}"
            >${icon}<span aria-hidden="true">${formatNumber(value!, locale)}</span
            ><span class="visually-hidden">${fill(plural(value!, locale, one, other), { n: formatNumber(value!, locale) })}</span></span
          >`
        : nothing;
    const upvotes = stat(paper.upvotes, s.upvotesOne, s.upvotes, upvoteIcon, 'upvotes');
    const comments = stat(paper.comments, s.commentsOne, s.comments, commentIcon, 'comments');
    if (!org && !when && upvotes === nothing && comments === nothing) return nothing;
    return html`<p part="meta" class="meta">
      ${org
        ? html`<span class="organization">${orgUrl ? html`<a href=${orgUrl}>${org.name}</a>` : org.name}</span>`
        : nothing}
      ${date && when
        ? html`<time datetime=${date.toISOString()} title=${formatDateTime(date, locale)}>${when.text}</time>`
        : nothing}
      ${upvotes} ${comments}
    </p>`;
  }

  private renderSummary(paper: Paper, s: CardStrings) {
    const parts = readableParts(paper.summary);
    if (!parts.length) return nothing;
    const long = parts.reduce((n, part) => n + part.text.length, 0) >= TOGGLE_MIN_LENGTH;
    return html`<p part="summary" class="summary ${long && !this.expanded ? 'clamped' : ''}" id="summary" dir="auto">
        ${renderText(parts)}
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
    return html`<ul part="tags" class="tags" aria-label=${s.tags}>
      ${tags.map((tag) => html`<li dir="auto">${tag}</li>`)}
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
              aria-label=${stars === undefined
                ? nothing
                : fill(plural(stars, locale, s.codeStarsOne, s.codeStars), { n: starText })}
              >${s.code}${stars === undefined
                ? nothing
                : html` <span class="stars">${starIcon}${starText}</span>`}</a
            >
          </li>`
        : nothing}
      ${project ? html`<li><a href=${project}>${s.project}</a></li>` : nothing}
    </ul>`;
  }
}

/** Text runs as Lit templates: only `<strong>`/`<em>` we write ourselves, the text always as text. */
function renderText(parts: TextPart[]) {
  return parts.map((part) => {
    const inner = part.em ? html`<em>${part.text}</em>` : part.text;
    return part.strong ? html`<strong>${inner}</strong>` : inner;
  });
}
