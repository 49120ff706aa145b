import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * Knows whether the page put content into a named slot, and re-renders the host when that changes
 * (Shoelace's `HasSlotController`). One listener on the shadow root hears every `slotchange`, so a
 * template needs no `@slotchange` of its own. On the server nothing is slotted yet: `has` is false.
 */
export class SlotController implements ReactiveController {
  private readonly names: readonly string[];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    ...names: string[]
  ) {
    this.names = names;
    host.addController(this);
  }

  /** True when a child of the host is assigned to slot `name`. */
  has(name: string): boolean {
    return !isServer && !!this.assigned(name);
  }

  /** The text of the content in slot `name`, whitespace collapsed; '' when there is none. */
  text(name: string): string {
    if (isServer) return '';
    return this.assigned(name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  hostConnected(): void {
    this.host.shadowRoot?.addEventListener('slotchange', this.onSlotChange);
  }

  hostDisconnected(): void {
    this.host.shadowRoot?.removeEventListener('slotchange', this.onSlotChange);
  }

  private assigned(name: string): Element | null {
    return this.host.querySelector(`:scope > [slot="${name}"]`);
  }

  private onSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    if (this.names.includes(slot.name)) this.host.requestUpdate();
  };
}
