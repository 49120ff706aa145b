import { html, nothing, type TemplateResult } from 'lit';
import type { ListSort } from './controllers/filter.js';
import type { PaperfeedListStrings } from './strings.js';

const SORTS: readonly ListSort[] = ['feed', 'date', 'upvotes'];
/** A Hugging Face feed comes in Hugging Face's own (trending) order: the menu calls it that. */
const HF_SORTS: readonly ListSort[] = ['trending', 'date', 'upvotes'];
const SORT_LABELS = { feed: 'sortFeed', trending: 'sortTrending', date: 'sortDate', upvotes: 'sortUpvotes' } as const;

/** The menu's value for `sort`: `feed` and `trending` are one order, named for the source. */
const shown = (sort: ListSort, hf: boolean): ListSort => (sort === 'feed' || sort === 'trending' ? (hf ? 'trending' : 'feed') : sort);

/** The search box and the sort menu, showing `query` and `sort`. */
export function toolbar(
  query: string,
  sort: ListSort,
  s: PaperfeedListStrings,
  onInput: (event: Event) => void,
  onChange: (event: Event) => void,
  hf = false,
): TemplateResult {
  const value = shown(sort, hf);
  return html`<div part="toolbar" class="toolbar">
    <label class="field search">
      <span class="label">${s.search}</span>
      <input type="search" part="input" autocomplete="off" .value=${query ?? ''} @input=${onInput} />
    </label>
    <label class="field">
      <span class="label">${s.sort}</span>
      <select part="select" .value=${value} @change=${onChange}>
        ${(hf ? HF_SORTS : SORTS).map((option) => html`<option value=${option} ?selected=${value === option}>${s[SORT_LABELS[option]]}</option>`)}
      </select>
    </label>
  </div>`;
}

/**
 * After a render: the controls show `query` and `sort` even where the user changed them and a
 * script set the property back to its last rendered value (Lit's dirty check sees no change). What
 * lit's `live` directive does, without its 0.4 KB gzip in the CDN file (notes/size.md). Guarded by
 * test/list-controls.test.ts.
 */
export function syncToolbar(root: ParentNode, query: string, sort: ListSort, hf = false): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  if (input && input.value !== (query ?? '')) input.value = query ?? '';
  const select = root.querySelector('select');
  if (select && select.value !== shown(sort, hf)) select.value = shown(sort, hf);
}

/**
 * The box of the toolbar or the period bar: `none` renders nothing (no search or sort over a list
 * that never showed papers), `reserved` keeps its room, hidden and inert, while the first load runs.
 */
export function controlsBox(controls: 'none' | 'reserved' | 'shown', content: () => TemplateResult): TemplateResult | typeof nothing {
  if (controls === 'none') return nothing;
  return html`<div class="controls ${controls}" ?inert=${controls === 'reserved'}>${content()}</div>`;
}
