import { html, nothing, type TemplateResult } from 'lit';
import type { FeedError } from '../feed/errors.js';
import { heading } from '../internal/heading.js';
import { fill } from '../internal/strings.js';
import { errorText, retryHelps } from './error-text.js';
import type { PaperfeedListStrings } from './strings.js';

// The list's boxes around its cards: header, skeletons, empty, error, the stale-error note and
// "Load more". Plain templates; the element decides which one shows.

/** The heading from `heading`, or the page's `header` slot; room under it only when there is one. */
export function headerBox(filled: boolean, level: number, text: string | undefined): TemplateResult {
  return html`<div part="header" class="header" ?hidden=${!filled}>
    <slot name="header">${text ? heading(level, 'heading', text) : nothing}</slot>
  </div>`;
}

/** The empty state's sentence: with a query, which query matched nothing. */
export function emptyText(query: string | undefined, s: PaperfeedListStrings, empty = s.empty): string {
  const trimmed = (query ?? '').trim();
  return trimmed ? fill(s.emptyQuery, { query: trimmed }) : empty;
}

export function emptyBox(text: string): TemplateResult {
  return html`<div part="empty" class="message empty" tabindex="-1">
    <div class="message-body"><slot name="empty">${text}</slot></div>
  </div>`;
}

/** Skeleton cards of the final cards' variant and heading level, hidden from assistive technology. */
export function skeletons(count: number, variant: string, level: number, theme: string): TemplateResult {
  const skeleton = () =>
    html`<li aria-hidden="true"><paperfeed-card part="item" variant=${variant} heading-level=${level} theme=${theme}></paperfeed-card></li>`;
  return html`<slot name="loading"><ul part="list" class="list skeletons" aria-busy="true">
    ${Array.from({ length: count }, skeleton)}
  </ul></slot>`;
}

/** Retry; aria-disabled while busy, not disabled: the focused button keeps focus. */
export function retryButton(busy: boolean, s: PaperfeedListStrings, onRetry: () => void): TemplateResult {
  return html`<button
    type="button"
    part="button retry"
    aria-busy=${busy ? 'true' : 'false'}
    aria-disabled=${busy ? 'true' : 'false'}
    @click=${onRetry}
  >
    ${s.retry}
  </button>`;
}

/** The error box in place of the list, with Retry when a second try can help. */
export function errorBox(error: FeedError, busy: boolean, s: PaperfeedListStrings, onRetry: () => void): TemplateResult {
  return html`<div part="error" class="message error">
    <div class="message-body">
      <slot name="error"><p class="error-text">${errorText(error, s)}</p></slot>
      ${retryHelps(error) ? retryButton(busy, s, onRetry) : nothing}
    </div>
  </div>`;
}

/** A failed reload of the feed on screen: a note above the papers kept. */
export function staleNote(error: FeedError, busy: boolean, s: PaperfeedListStrings, onRetry: () => void): TemplateResult {
  return html`<div part="error" class="more stale">
    <p class="error-text">${errorText(error, s)}</p>
    ${retryButton(busy, s, onRetry)}
  </div>`;
}

/** "Load more" (Retry after a failed page, with its error above). */
export function moreBox(pageError: FeedError | undefined, busy: boolean, s: PaperfeedListStrings, onMore: () => void): TemplateResult {
  return html`<div class="more">
    ${pageError ? html`<p class="error-text">${errorText(pageError, s)}</p>` : nothing}
    <button
      type="button"
      part="button load-more"
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${onMore}
    >
      ${pageError ? s.retry : s.loadMore}
    </button>
  </div>`;
}
