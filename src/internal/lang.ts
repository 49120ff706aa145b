import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

// Dates and numbers follow the nearest `lang`. A page that switches language (a language menu that
// sets <html lang>) should not leave cards in the old one, so one observer watches every `lang`
// attribute in the document and re-renders the hosts that format text. Shadow roots are not
// observed: a `lang` set inside another component's shadow root is read at render time only.
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/** Re-renders its host when any `lang` attribute in the document changes, while connected. */
export class LangObserver implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // A server render (@lit-labs/ssr with connectedCallback enabled) has no document to watch.
    if (isServer) return;
    hosts.add(this.host);
    if (!observer) {
      observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (!hosts.size && observer) {
      observer.disconnect();
      observer = undefined;
    }
  }
}
