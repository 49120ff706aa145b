import { html, type TemplateResult } from 'lit';
import type { ListSort } from './controllers/filter.js';
import type { PaperfeedListStrings } from './strings.js';

const SORTS: readonly ListSort[] = ['feed', 'date', 'upvotes'];
const SORT_LABELS = { feed: 'sortFeed', date: 'sortDate', upvotes: 'sortUpvotes' } as const;

/** The search box and the sort menu, showing `query` and `sort`. */
export function toolbar(
  query: string,
  sort: ListSort,
  s: PaperfeedListStrings,
  onInput: (event: Event) => void,
  onChange: (event: Event) => void,
): TemplateResult {
  return html`<div part="toolbar" class="toolbar">
    <label class="field search">
      <span class="label">${s.search}</span>
      <input type="search" part="input" autocomplete="off" .value=${query ?? ''} @input=${onInput} />
    </label>
    <label class="field">
      <span class="label">${s.sort}</span>
      <select part="select" .value=${sort} @change=${onChange}>
        ${SORTS.map((value) => html`<option value=${value} ?selected=${sort === value}>${s[SORT_LABELS[value]]}</option>`)}
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
export function syncToolbar(root: ParentNode, query: string, sort: ListSort): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  if (input && input.value !== (query ?? '')) input.value = query ?? '';
  const select = root.querySelector('select');
  if (select && select.value !== sort) select.value = sort;
}
