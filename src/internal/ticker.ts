import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

// "3 minutes ago" goes stale. Rather than one timer per card, every host that shows a relative
// time joins one shared minute timer (relative-time-element's `dateObserver` does the same), which
// stops when nobody is left.
const hosts = new Set<ReactiveControllerHost>();
let timer: ReturnType<typeof setInterval> | undefined;
const PERIOD = 60_000;

function sync(): void {
  if (hosts.size && timer === undefined) {
    timer = setInterval(() => hosts.forEach((host) => host.requestUpdate()), PERIOD);
  } else if (!hosts.size && timer !== undefined) {
    clearInterval(timer);
    timer = undefined;
  }
}

/** Re-renders its host once a minute while `active` is true and the host is connected. */
export class MinuteTicker implements ReactiveController {
  private connected = false;
  private wanted = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Set from `updated()`: true while the host shows a relative time. */
  set active(value: boolean) {
    this.wanted = value;
    this.apply();
  }

  hostConnected(): void {
    this.connected = true;
    this.apply();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.apply();
  }

  private apply(): void {
    // No timers on the server: a render there is one pass, and a timer would keep Node alive.
    if (isServer) return;
    if (this.connected && this.wanted) hosts.add(this.host);
    else hosts.delete(this.host);
    sync();
  }
}
