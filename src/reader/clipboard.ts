// Copying text: the async Clipboard API where the page may use it (secure context, permission,
// focused document), else the old hidden-textarea + execCommand('copy') route, which still works
// inside a user gesture on http:// pages and in iframes without clipboard-write permission.

/** Copies `text`; resolves true when one of the two routes reported success. Never throws. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof globalThis.navigator?.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable (not focused, no permission): try the fallback.
  }
  return copyWithTextarea(text);
}

/** The pre-Clipboard-API route: select a hidden textarea's value and ask for a copy. */
export function copyWithTextarea(text: string): boolean {
  if (typeof document === 'undefined' || !document.body) return false;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  // Off screen, not display:none (a hidden element cannot be selected). Set through the CSSOM,
  // which a strict CSP allows, unlike a style attribute in markup.
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '-9999px';
  area.style.opacity = '0';
  const active = deepActiveElement();
  document.body.append(area);
  try {
    area.select();
    area.setSelectionRange(0, text.length);
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus?.({ preventScroll: true });
  }
}

/** The focused element, looking inside shadow roots (a card's button lives in one). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}
