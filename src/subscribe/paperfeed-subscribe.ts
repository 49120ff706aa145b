import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { currentFetch } from '../feed/net/fetch-hook.js';
import { safeUrl } from '../feed/parse/url.js';
import { PaperfeedElement, pageBase } from '../internal/base.js';
import { heading, headingLevel } from '../internal/heading.js';
import { hostStyles } from '../internal/host.styles.js';
import { normalize, oneOf } from '../internal/normalize.js';
import { SlotController } from '../internal/slots.js';
import { fill, mergeStrings } from '../internal/strings.js';
import { defaultSubscribeStrings, type SubscribeStrings } from './strings.js';
import {
  PaperfeedSubscribedEvent,
  PaperfeedSubscribeErrorEvent,
  PaperfeedSubscribeEvent,
  SubscribeError,
} from './events.js';
import { subscribeStyles } from './paperfeed-subscribe.styles.js';

export * from './events.js';
export * from './strings.js';

export type SubscribeEncoding = 'json' | 'form';
const ENCODINGS: readonly SubscribeEncoding[] = ['json', 'form'];

/** What the form is doing; reflected as the `state` attribute for styling. */
export type SubscribeState = 'idle' | 'invalid' | 'sending' | 'success' | 'error';

const DEFAULT_TIMEOUT = 10_000;
/** A server's own message is shown as text, but not a whole error page's worth of it. */
const MAX_SERVER_MESSAGE = 300;

// The browser's own `type=email` check accepts `name@host`; a newsletter needs a domain with a dot.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A newsletter sign-up form that posts the address to your endpoint, as JSON or as a classic form.
 * It validates before sending, sends once per submission, and says what happened in a status
 * region that screen readers announce. A hidden honeypot field catches simple bots.
 *
 * @summary A newsletter sign-up form: "Get trending papers in your email inbox!"
 * @tag paperfeed-subscribe
 *
 * @slot heading - Replaces the `heading` text.
 * @slot description - Text under the heading (nothing by default).
 * @slot success - Replaces the `success-message` text after a successful sign-up.
 *
 * @csspart form - The `<form>`.
 * @csspart heading - The heading.
 * @csspart description - The wrapper of the `description` slot.
 * @csspart label - The visible label of the email field.
 * @csspart input - The email `<input>`.
 * @csspart button - The submit `<button>`.
 * @csspart status - The `role="status"` region with progress, success and error messages.
 *
 * @cssprop [--paperfeed-subscribe-padding=1.25rem] - Space inside the box.
 * @cssprop [--paperfeed-subscribe-gap=0.75rem] - Space between the rows.
 * @cssprop [--paperfeed-subscribe-background=Canvas] - Box background (defaults to `--paperfeed-background`).
 * @cssprop [--paperfeed-subscribe-border=1px solid (18% of the text colour)] - Box border.
 * @cssprop [--paperfeed-subscribe-button-background=var(--paperfeed-accent)] - Button background.
 * @cssprop [--paperfeed-subscribe-button-color=(accent mixed with black)] - Button text colour.
 * @cssprop [--paperfeed-background=Canvas] - Background of a themed element (`theme="light"`/`"dark"` sets it).
 * @cssprop [--paperfeed-color=CanvasText] - Text colour.
 * @cssprop [--paperfeed-muted=(62% of the text colour)] - Secondary text (dates, counts).
 * @cssprop [--paperfeed-border-color=(18% of the text colour)] - Borders and dividers.
 * @cssprop [--paperfeed-radius=0.75rem] - Corner radius.
 * @cssprop [--paperfeed-focus-color=(accent mixed with the text colour)] - Focus rings.
 * @cssprop [--paperfeed-error-color=(red readable on the background)] - Error messages.
 * @cssprop [--paperfeed-success-color=(green readable on the background)] - The confirmation after subscribing.
 * @cssprop [--paperfeed-accent=#ff9d00] - Accent colour.
 *
 * @event {PaperfeedSubscribeEvent} paperfeed-subscribe - Before sending a valid address (`detail.email`). Cancelable: call `preventDefault()` to send it yourself.
 * @event {PaperfeedSubscribedEvent} paperfeed-subscribed - The endpoint accepted the address (`detail.email`, `detail.response`).
 * @event {PaperfeedSubscribeErrorEvent} paperfeed-subscribe-error - Sending failed (`detail.email`, `detail.error`: a `SubscribeError` with `kind` and `status`).
 */
export class PaperfeedSubscribe extends PaperfeedElement {
  static override styles = [hostStyles, subscribeStyles];

  /** The endpoint URL the address is POSTed to (absolute or relative to the page). Default `''`. */
  @property() action = '';

  /**
   * `json` (default): `{"email": "…"}`; `form`: `application/x-www-form-urlencoded`. Junk reads as `json`.
   * @default 'json'
   */
  @property()
  @normalize(oneOf(ENCODINGS, 'json'))
  encoding: SubscribeEncoding = 'json';

  /**
   * Send without reading the answer (`fetch` mode `no-cors`), for endpoints on another origin that
   * accept a form post but send no CORS headers, like most newsletter services' form actions. The
   * address always goes form-encoded, and the reader sees the success message once it has been sent:
   * the browser hides the answer, so a rejection cannot be shown. Default: false.
   */
  @property({ type: Boolean, attribute: 'no-cors' }) noCors = false;

  /** Name of the address in the request body. Default `email`. */
  @property() field = 'email';

  /** Heading text. Default "Get trending papers in your email inbox!"; the `heading` slot replaces it. */
  @property() heading = 'Get trending papers in your email inbox!';

  /**
   * Level of the heading, 1–6. Default 3; anything else reads as 3.
   * @default 3
   */
  @property({ attribute: 'heading-level', type: Number })
  @normalize((value) => headingLevel(value))
  headingLevel = 3;

  /** Text of the submit button. Default "Subscribe". */
  @property({ attribute: 'button-label' }) buttonLabel = 'Subscribe';

  /** Shown in the status region after a successful sign-up. Default "Thanks for subscribing! Check your inbox." */
  @property({ attribute: 'success-message' }) successMessage = 'Thanks for subscribing! Check your inbox.';

  /**
   * Milliseconds to wait for the endpoint before giving up. Default 10000; junk or ≤ 0 reads as 10000.
   * @default 10000
   */
  @property({ type: Number })
  @normalize((value) => {
    const ms = Number(value);
    return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT;
  })
  timeout = 10000; // = DEFAULT_TIMEOUT, written out for the manifest

  /** Replaces UI texts (see `SubscribeStrings`); missing keys keep their English default. Default `{}`. */
  @property({ attribute: false }) strings: Partial<SubscribeStrings> = {};

  /**
   * What the form is doing: `idle`, `invalid`, `sending`, `success` or `error`. Read-only; mirrored in
   * the `state` attribute for CSS (`paperfeed-subscribe[state='success']`).
   * @default 'idle'
   */
  get state(): SubscribeState {
    return this._state;
  }
  private _state: SubscribeState = 'idle';

  /** The text in the status region (besides the success message). */
  @state() private message = '';

  readonly #slots = new SlotController(this, 'heading', 'description');

  // Plain getters, not `@query`: only this element would use that decorator, and it costs the CDN
  // file 157 B gzip.
  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('#email')!;
  }
  private get honeypot(): HTMLInputElement {
    return this.renderRoot.querySelector('#website')!;
  }

  /**
   * Sending, on a `@lit/task` Task run by hand (`autoRun: false`): one request at a time, aborted
   * when the element leaves the page. Its value is the endpoint's answer; its error a SubscribeError.
   */
  readonly #send = new Task(this, {
    autoRun: false,
    task: ([action, email]: [string, string], { signal }) => this.post(action, email, signal),
    onComplete: (response) => {
      if (this.#cancelled) return;
      this.input.value = '';
      this.setState('success', '');
      // Events go through named constants: the manifest analyzer lists an inline `new …Event()`
      // as a second, nameless event (custom-elements.json, README API table).
      const done = new PaperfeedSubscribedEvent({ email: this.#email, response });
      this.dispatchEvent(done);
    },
    onError: (error) => {
      if (!this.#cancelled) this.fail(this.#email, error as SubscribeError);
    },
  });
  /** The address being sent. */
  #email = '';
  /** The running send was stopped because the element left the page: nobody to tell. */
  #cancelled = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Nobody is left to read the answer; the request stops, the form is ready again if re-attached.
    if (this.#send.status === TaskStatus.PENDING) {
      this.#cancelled = true;
      this.#send.abort();
      this.setState('idle', '');
    }
  }

  protected override updated(): void {
    // Not a reactive property: the page reads it, never sets it, so the attribute is written by hand.
    if (this.getAttribute('state') !== this._state) this.setAttribute('state', this._state);
  }

  private setState(next: SubscribeState, message: string): void {
    this._state = next;
    this.message = message;
    this.requestUpdate();
  }

  private get texts(): SubscribeStrings {
    return mergeStrings(defaultSubscribeStrings, this.strings);
  }

  private onInput(): void {
    // The error described the old text; once the person edits it, it no longer applies.
    if (this._state === 'invalid') this.setState('idle', '');
  }

  private onButtonClick(event: Event): void {
    // aria-disabled (not `disabled`) keeps keyboard focus on the button while sending, so the click
    // must be stopped here; `onSubmit` ignores a second submission too.
    if (this._state === 'sending') event.preventDefault();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#send.status === TaskStatus.PENDING) return;
    const s = this.texts;
    const input = this.input;
    const email = input.value.trim();

    // A bot filled the field people never see: pretend it worked and send nothing.
    if (this.honeypot.value) {
      input.value = '';
      this.setState('success', '');
      return;
    }

    if (!email || !input.validity.valid || !EMAIL.test(email)) {
      this.setState('invalid', email ? s.invalidEmail : s.emptyEmail);
      input.focus();
      return;
    }

    const before = new PaperfeedSubscribeEvent({ email });
    this.dispatchEvent(before);
    if (before.defaultPrevented) {
      // The host page takes over; whatever it shows is its own business.
      this.setState('idle', '');
      return;
    }

    const action = safeUrl(this.action, pageBase());
    if (!action) {
      console.error(
        `[paperfeed] <paperfeed-subscribe> has no usable \`action\` (${JSON.stringify(this.action)}): ` +
          'set it to your http(s) endpoint, or cancel the `paperfeed-subscribe` event and send the address yourself.',
      );
      this.fail(email, new SubscribeError('config', s.notConfigured));
      return;
    }

    this.#email = email;
    this.#cancelled = false;
    this.setState('sending', s.sending);
    await this.#send.run([action, email]);
  }

  /** POSTs the address; resolves with a 2xx (or opaque) answer, else throws a SubscribeError with the text to show. */
  private async post(action: string, email: string, signal: AbortSignal): Promise<Response> {
    const s = this.texts;
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort());
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeout);
    const field = this.field || 'email';
    const blind = this.noCors;
    const json = !blind && this.encoding === 'json';
    try {
      const response = await currentFetch()(action, {
        method: 'POST',
        mode: blind ? 'no-cors' : 'cors',
        headers: {
          'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: json ? JSON.stringify({ [field]: email }) : new URLSearchParams({ [field]: email }).toString(),
        signal: controller.signal,
      });
      // A `no-cors` answer is opaque (status 0): sent is all that can be known.
      if (response.ok || response.type === 'opaque') return response;
      const status = response.status;
      const own = status < 500 ? await serverMessage(response) : undefined;
      throw new SubscribeError('http', own ?? fill(status < 500 ? s.rejected : s.server, { status }), { status });
    } catch (error) {
      if (error instanceof SubscribeError) throw error;
      const kind = timedOut ? 'timeout' : 'network';
      throw new SubscribeError(kind, s[kind], { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  private fail(email: string, error: SubscribeError): void {
    // The typed address stays in the field, so trying again is one click.
    this.setState('error', error.message);
    const failed = new PaperfeedSubscribeErrorEvent({ email, error });
    this.dispatchEvent(failed);
  }

  override render() {
    const s = this.texts;
    const state = this._state;
    const sending = state === 'sending';
    const invalid = state === 'invalid';
    // The honeypot (#website) is out of sight in the shared visually-hidden box, not display:none,
    // which some bots skip, and out of the accessibility tree: yet a field a naive bot fills in.
    return html`
      <form
        part="form"
        novalidate
        aria-labelledby=${this.hasHeading ? 'heading' : nothing}
        aria-busy=${sending ? 'true' : 'false'}
        @submit=${this.onSubmit}
      >
        ${this.renderHeading()}
        <div part="description" class="description" ?hidden=${!this.#slots.has('description')}>
          <slot name="description"></slot>
        </div>
        <label part="label" for="email">${s.label}</label>
        <div class="row">
          <input
            part="input"
            id="email"
            name=${this.field || 'email'}
            type="email"
            inputmode="email"
            autocomplete="email"
            spellcheck="false"
            required
            placeholder=${s.placeholder}
            aria-invalid=${invalid ? 'true' : nothing}
            aria-describedby=${invalid ? 'status' : nothing}
            @input=${this.onInput}
          />
          <button
            part="button"
            type="submit"
            aria-disabled=${sending ? 'true' : nothing}
            @click=${this.onButtonClick}
          >
            ${this.buttonLabel}
          </button>
        </div>
        <div class="visually-hidden" aria-hidden="true">
          <label for="website">Website</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <div part="status" id="status" role="status" class="status ${state}">
          ${state === 'success' ? html`<slot name="success">${this.successMessage}</slot>` : this.message}
        </div>
      </form>
    `;
  }

  /** `heading=""` with nothing in the `heading` slot means: no heading at all (the page has its own). */
  private get hasHeading(): boolean {
    return !!this.heading || this.#slots.has('heading');
  }

  // Always rendered (hidden when empty) so its slot hears a heading that is slotted in later.
  private renderHeading() {
    const slot = html`<slot name="heading">${this.heading}</slot>`;
    return heading(this.headingLevel, 'heading', slot, !this.hasHeading);
  }
}

/** The `{ "message": "…" }` (or `"error"`) of an error answer, as short plain text; else undefined. */
async function serverMessage(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    if (!body || typeof body !== 'object') return undefined;
    const { message, error } = body as { message?: unknown; error?: unknown };
    const text = typeof message === 'string' ? message : typeof error === 'string' ? error : '';
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return undefined;
    return clean.length > MAX_SERVER_MESSAGE ? `${clean.slice(0, MAX_SERVER_MESSAGE - 1)}…` : clean;
  } catch {
    return undefined;
  }
}
