import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setFetch } from '../src/feed/net/fetch-hook.js';
import '../src/subscribe/define.js';
import type { PaperfeedSubscribe } from '../src/subscribe/paperfeed-subscribe.js';

interface Call {
  url: string;
  method?: string;
  headers: Record<string, string>;
  body: string;
  signal?: AbortSignal | null;
}

let calls: Call[];
type Responder = (call: Call) => Response | Promise<Response>;

/** Installs a fake fetch that records every request and answers with `respond`. */
function fakeFetch(respond: Responder = () => jsonResponse(200, { ok: true })): void {
  setFetch(async (input, init = {}) => {
    const call: Call = {
      url: String(input),
      method: init.method,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: String(init.body ?? ''),
      signal: init.signal,
    };
    calls.push(call);
    return respond(call);
  });
}

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A request that only ends when it is aborted (a server that never answers). */
const hang: Responder = (call) =>
  new Promise((_, reject) => {
    call.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });

function deferred() {
  let resolve!: (r: Response) => void;
  const promise = new Promise<Response>((r) => (resolve = r));
  return { promise, resolve };
}

const ACTION = 'https://newsletter.example/api/subscribe';
const part = (el: PaperfeedSubscribe, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const input = (el: PaperfeedSubscribe) => part(el, 'input') as HTMLInputElement;
const button = (el: PaperfeedSubscribe) => part(el, 'button') as HTMLButtonElement;
const status = (el: PaperfeedSubscribe) => part(el, 'status');
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Text of the status region, slotted success content included. */
function statusText(el: PaperfeedSubscribe): string {
  const slot = status(el).querySelector('slot');
  if (!slot) return text(status(el));
  const assigned = slot.assignedNodes({ flatten: true });
  return (assigned.length ? assigned.map((n) => n.textContent).join('') : slot.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function form(template = html`<paperfeed-subscribe action=${ACTION}></paperfeed-subscribe>`) {
  const el = await fixture<PaperfeedSubscribe>(template);
  await el.updateComplete;
  return el;
}

function type(el: PaperfeedSubscribe, value: string): void {
  input(el).value = value;
  input(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function submit(el: PaperfeedSubscribe, email: string): Promise<void> {
  type(el, email);
  button(el).click();
  await el.updateComplete;
}

async function submitAndSettle(el: PaperfeedSubscribe, email: string): Promise<void> {
  const settled = Promise.race([oneEvent(el, 'paperfeed-subscribed'), oneEvent(el, 'paperfeed-subscribe-error')]);
  await submit(el, email);
  await settled;
  await el.updateComplete;
}

describe('<paperfeed-subscribe>', () => {
  beforeEach(() => {
    calls = [];
    fakeFetch();
  });
  afterEach(() => setFetch());

  describe('accessibility', () => {
    it('passes axe when idle', async () => {
      await expect(await form()).to.be.accessible();
    });

    it('passes axe with an invalid address', async () => {
      const el = await form();
      await submit(el, 'nope');
      expect(el.state).to.equal('invalid');
      await expect(el).to.be.accessible();
    });

    it('passes axe while sending', async () => {
      const pending = deferred();
      fakeFetch(() => pending.promise);
      const el = await form();
      await submit(el, 'ada@example.org');
      expect(el.state).to.equal('sending');
      await expect(el).to.be.accessible();
      pending.resolve(jsonResponse(200, {}));
      await oneEvent(el, 'paperfeed-subscribed');
    });

    it('passes axe after success and after an error', async () => {
      const el = await form();
      await submitAndSettle(el, 'ada@example.org');
      expect(el.state).to.equal('success');
      await expect(el).to.be.accessible();
      fakeFetch(() => jsonResponse(500, {}));
      await submitAndSettle(el, 'ada@example.org');
      expect(el.state).to.equal('error');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the dark theme', async () => {
      const wrapper = await fixture(html`<div style="background: #121212; color: #eee">
        <paperfeed-subscribe theme="dark" action=${ACTION}></paperfeed-subscribe>
      </div>`);
      await expect(wrapper.querySelector('paperfeed-subscribe')!).to.be.accessible();
    });

    it('has a visible label, a named form and a status region from the start', async () => {
      const el = await form();
      const label = el.shadowRoot!.querySelector<HTMLLabelElement>('label[for="email"]')!;
      expect(text(label)).to.equal('Email address');
      expect(label.getBoundingClientRect().height).to.be.greaterThan(0);
      const field = input(el);
      expect(field.type).to.equal('email');
      expect(field.getAttribute('autocomplete')).to.equal('email');
      expect(field.required).to.equal(true);
      expect(part(el, 'form').getAttribute('aria-labelledby')).to.equal('heading');
      expect(status(el).getAttribute('role')).to.equal('status');
      expect(text(status(el))).to.equal('');
      // Rendered (not display:none) while empty, so the first message is announced.
      expect(getComputedStyle(status(el)).display).not.to.equal('none');
      expect(status(el).getBoundingClientRect().height).to.be.greaterThan(0);
    });

    it('keeps the honeypot away from people, keyboards and assistive technology', async () => {
      const el = await form();
      const trap = el.shadowRoot!.querySelector<HTMLInputElement>('#website')!;
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.getAttribute('autocomplete')).to.equal('off');
      const wrapper = trap.closest<HTMLElement>('[aria-hidden="true"]')!;
      expect(wrapper).to.exist;
      // A 1px clipped box: nothing of it shows, yet it is not display:none (which bots skip).
      expect(wrapper.getBoundingClientRect().width).to.be.at.most(1);
      expect(getComputedStyle(wrapper).overflow).to.equal('hidden');
      expect(getComputedStyle(wrapper).display).not.to.equal('none');
    });
  });

  describe('properties', () => {
    it('shows the default heading (level 3) and button label', async () => {
      const el = await form();
      expect(part(el, 'heading').localName).to.equal('h3');
      expect(text(part(el, 'heading'))).to.equal('Get trending papers in your email inbox!');
      expect(text(button(el))).to.equal('Subscribe');
    });

    it('uses heading, heading-level and button-label', async () => {
      const el = await form(html`<paperfeed-subscribe
        action=${ACTION}
        heading="Weekly digest"
        heading-level="2"
        button-label="Sign me up"
      ></paperfeed-subscribe>`);
      expect(part(el, 'heading').localName).to.equal('h2');
      expect(text(part(el, 'heading'))).to.equal('Weekly digest');
      expect(text(button(el))).to.equal('Sign me up');
      el.setAttribute('heading-level', 'seven');
      await el.updateComplete;
      expect(part(el, 'heading').localName).to.equal('h3');
    });

    it('renders no heading for heading=""', async () => {
      const el = await form(html`<paperfeed-subscribe action=${ACTION} heading=""></paperfeed-subscribe>`);
      const heading = el.shadowRoot!.querySelector<HTMLElement>('[part="heading"]');
      expect(heading === null || heading.hidden).to.equal(true);
      expect(heading?.checkVisibility() ?? false).to.equal(false);
      expect(part(el, 'form').hasAttribute('aria-labelledby')).to.equal(false);
    });

    it('shows a heading slotted in after the first render, and names the form with it', async () => {
      const el = await form(html`<paperfeed-subscribe action=${ACTION} heading=""></paperfeed-subscribe>`);
      const slotted = document.createElement('span');
      slotted.slot = 'heading';
      slotted.textContent = 'Papers, weekly';
      const slot = el.shadowRoot!.querySelector('slot[name="heading"]')!;
      const changed = oneEvent(slot, 'slotchange');
      el.append(slotted);
      await changed;
      await el.updateComplete;
      expect(part(el, 'heading').checkVisibility()).to.equal(true);
      expect(part(el, 'form').getAttribute('aria-labelledby')).to.equal('heading');
      await expect(el).to.be.accessible();
    });

    it('posts {"email": …} as JSON by default, once', async () => {
      const el = await form();
      await submitAndSettle(el, '  ada@example.org ');
      expect(calls).to.have.length(1);
      expect(calls[0].url).to.equal(ACTION);
      expect(calls[0].method).to.equal('POST');
      expect(calls[0].headers['content-type']).to.equal('application/json');
      expect(calls[0].body).to.equal('{"email":"ada@example.org"}');
    });

    it('posts a urlencoded form with encoding="form" and a custom field', async () => {
      const el = await form(html`<paperfeed-subscribe action=${ACTION} encoding="form" field="EMAIL"></paperfeed-subscribe>`);
      await submitAndSettle(el, 'ada+news@example.org');
      expect(calls).to.have.length(1);
      expect(calls[0].headers['content-type']).to.equal('application/x-www-form-urlencoded');
      expect(calls[0].body).to.equal('EMAIL=ada%2Bnews%40example.org');
      expect(input(el).name).to.equal('EMAIL');
    });

    it('reads a junk encoding as json', async () => {
      const el = await form(html`<paperfeed-subscribe action=${ACTION} encoding="xml"></paperfeed-subscribe>`);
      expect(el.encoding).to.equal('json');
      await submitAndSettle(el, 'ada@example.org');
      expect(calls[0].body).to.equal('{"email":"ada@example.org"}');
    });

    it('resolves a relative action against the page', async () => {
      const el = await form(html`<paperfeed-subscribe action="/api/subscribe"></paperfeed-subscribe>`);
      await submitAndSettle(el, 'ada@example.org');
      expect(calls[0].url).to.equal(`${location.origin}/api/subscribe`);
    });

    it('on success: shows success-message in the status region and clears the field', async () => {
      const el = await form(html`<paperfeed-subscribe action=${ACTION} success-message="You are in!"></paperfeed-subscribe>`);
      await submitAndSettle(el, 'ada@example.org');
      expect(statusText(el)).to.equal('You are in!');
      expect(input(el).value).to.equal('');
      expect(el.getAttribute('state')).to.equal('success');
    });

    it('shows the default success message', async () => {
      const el = await form();
      await submitAndSettle(el, 'ada@example.org');
      expect(statusText(el)).to.equal('Thanks for subscribing! Check your inbox.');
    });

    it('refuses an invalid address with a message and sends nothing', async () => {
      const el = await form();
      await submit(el, 'ada@example');
      expect(calls).to.have.length(0);
      expect(text(status(el))).to.equal('Enter a valid email address, like name@example.com.');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el).getAttribute('aria-describedby')).to.equal('status');
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
      await submit(el, '');
      expect(calls).to.have.length(0);
      expect(text(status(el))).to.equal('Enter your email address.');
    });

    it('clears the invalid state once the address is edited', async () => {
      const el = await form();
      await submit(el, 'nope');
      type(el, 'nope@');
      await el.updateComplete;
      expect(input(el).hasAttribute('aria-invalid')).to.equal(false);
      expect(input(el).hasAttribute('aria-describedby')).to.equal(false);
      expect(text(status(el))).to.equal('');
    });

    it('sends one request for a double click, disabled and busy while sending', async () => {
      const pending = deferred();
      fakeFetch(() => pending.promise);
      const el = await form();
      type(el, 'ada@example.org');
      button(el).focus();
      button(el).click();
      button(el).click();
      part(el, 'form').dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
      await el.updateComplete;
      expect(calls).to.have.length(1);
      expect(button(el).getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, 'form').getAttribute('aria-busy')).to.equal('true');
      expect(text(status(el))).to.equal('Subscribing…');
      expect(el.shadowRoot!.activeElement, 'focus stays on the button').to.equal(button(el));
      pending.resolve(jsonResponse(200, {}));
      await oneEvent(el, 'paperfeed-subscribed');
      await el.updateComplete;
      expect(calls).to.have.length(1);
      expect(button(el).hasAttribute('aria-disabled')).to.equal(false);
      expect(part(el, 'form').getAttribute('aria-busy')).to.equal('false');
    });

    it("shows the server's 4xx {message} as text and keeps the address", async () => {
      fakeFetch(() => jsonResponse(422, { message: '<b>Already</b> subscribed.' }));
      const el = await form();
      await submitAndSettle(el, 'ada@example.org');
      expect(text(status(el))).to.equal('<b>Already</b> subscribed.');
      expect(status(el).querySelector('b')).to.equal(null);
      expect(input(el).value).to.equal('ada@example.org');
      expect(el.state).to.equal('error');
    });

    it('explains a 4xx without a message', async () => {
      fakeFetch(() => new Response('Bad Request', { status: 400 }));
      const el = await form();
      await submitAndSettle(el, 'ada@example.org');
      expect(text(status(el))).to.equal('The subscription was not accepted (400). Check the address and try again.');
      expect(input(el).value).to.equal('ada@example.org');
    });

    it('explains a 5xx without showing its body, keeping the address', async () => {
      fakeFetch(() => jsonResponse(503, { message: 'stack trace at db.js:12' }));
      const el = await form();
      await submitAndSettle(el, 'ada@example.org');
      expect(text(status(el))).to.equal('Something went wrong on our side (503). Please try again later.');
      expect(input(el).value).to.equal('ada@example.org');
    });

    it('explains a network failure, keeping the address and the cause', async () => {
      const cause = new TypeError('Failed to fetch');
      fakeFetch(() => Promise.reject(cause));
      const el = await form();
      const failed = oneEvent(el, 'paperfeed-subscribe-error');
      await submitAndSettle(el, 'ada@example.org');
      expect(text(status(el))).to.equal('Could not reach the server. Check your connection and try again.');
      expect(input(el).value).to.equal('ada@example.org');
      const { error } = (await failed).detail;
      expect(error.kind).to.equal('network');
      expect(error.cause).to.equal(cause);
    });

    it('gives up after timeout ms and aborts the request', async () => {
      fakeFetch(hang);
      const el = await form(html`<paperfeed-subscribe action=${ACTION} timeout="30"></paperfeed-subscribe>`);
      await submitAndSettle(el, 'ada@example.org');
      expect(calls[0].signal!.aborted).to.equal(true);
      expect(text(status(el))).to.equal('The server took too long to answer. Please try again.');
      expect(input(el).value).to.equal('ada@example.org');
      expect(button(el).hasAttribute('aria-disabled')).to.equal(false);
    });

    it('reads a junk timeout as 10000', async () => {
      const el = await form(html`<paperfeed-subscribe action=${ACTION} timeout="soon"></paperfeed-subscribe>`);
      expect(el.timeout).to.equal(10000);
      el.timeout = -5;
      expect(el.timeout).to.equal(10000);
      el.timeout = 2500;
      expect(el.timeout).to.equal(2500);
    });

    it('aborts a request in flight when removed from the page', async () => {
      fakeFetch(hang);
      const el = await form();
      await submit(el, 'ada@example.org');
      el.remove();
      expect(calls[0].signal!.aborted).to.equal(true);
      expect(el.state).to.equal('idle');
    });

    it('reports a missing action on the console and on the page, without throwing', async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await form(html`<paperfeed-subscribe></paperfeed-subscribe>`);
        const failed = oneEvent(el, 'paperfeed-subscribe-error');
        await submit(el, 'ada@example.org');
        const event = await failed;
        await el.updateComplete;
        expect(calls).to.have.length(0);
        expect(event.detail.error.kind).to.equal('config');
        expect(text(status(el))).to.equal('Subscribing is not available on this page yet.');
        el.action = 'javascript:alert(1)';
        await submit(el, 'ada@example.org');
        expect(calls).to.have.length(0);
      } finally {
        console.error = original;
      }
      expect(errors).to.have.length(2);
      expect(String(errors[0][0])).to.match(/^\[paperfeed\] <paperfeed-subscribe> has no usable `action`/);
    });

    it('replaces UI texts from the strings property', async () => {
      const el = await form();
      el.strings = { label: 'Adresse e-mail', invalidEmail: 'Adresse invalide.' };
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('label[for="email"]'))).to.equal('Adresse e-mail');
      await submit(el, 'x');
      expect(text(status(el))).to.equal('Adresse invalide.');
    });
  });

  describe('slots', () => {
    it('replaces the heading and success texts, and adds a description', async () => {
      const el = await form(html`<paperfeed-subscribe action=${ACTION}>
        <span slot="heading">Papers, weekly</span>
        <p slot="description">One email every Monday.</p>
        <strong slot="success">Welcome aboard.</strong>
      </paperfeed-subscribe>`);
      const headingSlot = part(el, 'heading').querySelector('slot')!;
      expect(headingSlot.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Papers, weekly']);
      const description = part(el, 'description').querySelector('slot')!;
      expect(description.assignedElements()[0].textContent).to.equal('One email every Monday.');
      expect(part(el, 'description').hidden).to.equal(false);
      expect(status(el).querySelector('slot')).to.equal(null);
      await submitAndSettle(el, 'ada@example.org');
      expect(statusText(el)).to.equal('Welcome aboard.');
      await expect(el).to.be.accessible();
    });

    it('hides the description wrapper when nothing is slotted, so no empty gap shows', async () => {
      const el = await form();
      expect(part(el, 'description').hidden).to.equal(true);
      expect(part(el, 'description').getBoundingClientRect().height).to.equal(0);
      const p = document.createElement('p');
      p.slot = 'description';
      p.textContent = 'Added later.';
      el.append(p);
      await oneEvent(part(el, 'description').querySelector('slot')!, 'slotchange');
      await el.updateComplete;
      expect(part(el, 'description').hidden).to.equal(false);
    });
  });

  describe('parts', () => {
    it('exposes form, heading, description, label, input, button and status', async () => {
      const el = await form();
      for (const name of ['form', 'heading', 'description', 'label', 'input', 'button', 'status']) {
        expect(el.shadowRoot!.querySelector(`[part~="${name}"]`), name).to.exist;
      }
      expect(part(el, 'form').localName).to.equal('form');
      expect(part(el, 'button').localName).to.equal('button');
      expect((part(el, 'button') as HTMLButtonElement).type).to.equal('submit');
    });
  });

  describe('events', () => {
    it('fires paperfeed-subscribe (bubbling, composed, cancelable) then paperfeed-subscribed', async () => {
      const wrapper = await fixture(html`<div><paperfeed-subscribe action=${ACTION}></paperfeed-subscribe></div>`);
      const el = wrapper.querySelector('paperfeed-subscribe')!;
      const seen: Event[] = [];
      wrapper.addEventListener('paperfeed-subscribe', (e) => seen.push(e));
      wrapper.addEventListener('paperfeed-subscribed', (e) => seen.push(e));
      const done = oneEvent(wrapper, 'paperfeed-subscribed');
      await submit(el, 'ada@example.org');
      const subscribed = await done;
      expect(seen.map((e) => e.type)).to.deep.equal(['paperfeed-subscribe', 'paperfeed-subscribed']);
      expect(seen[0].bubbles && seen[0].composed && seen[0].cancelable).to.equal(true);
      expect((seen[0] as CustomEvent).detail).to.deep.equal({ email: 'ada@example.org' });
      expect(subscribed.detail.email).to.equal('ada@example.org');
      expect(subscribed.detail.response.status).to.equal(200);
      expect(subscribed.bubbles && subscribed.composed).to.equal(true);
    });

    it('sends nothing when paperfeed-subscribe is cancelled: the host takes over', async () => {
      const el = await form();
      el.addEventListener('paperfeed-subscribe', (e) => e.preventDefault());
      const fired = oneEvent(el, 'paperfeed-subscribe');
      await submit(el, 'ada@example.org');
      await fired;
      await el.updateComplete;
      expect(calls).to.have.length(0);
      expect(el.state).to.equal('idle');
      expect(text(status(el))).to.equal('');
      expect(input(el).value).to.equal('ada@example.org');
    });

    it('fires paperfeed-subscribe-error with the status and message', async () => {
      fakeFetch(() => jsonResponse(409, { message: 'Already subscribed.' }));
      const el = await form();
      const failed = oneEvent(el, 'paperfeed-subscribe-error');
      await submit(el, 'ada@example.org');
      const event = await failed;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.email).to.equal('ada@example.org');
      expect(event.detail.error.kind).to.equal('http');
      expect(event.detail.error.status).to.equal(409);
      expect(event.detail.error.message).to.equal('Already subscribed.');
      // An answer, not an exception: nothing caused it.
      expect('cause' in event.detail.error).to.equal(false);
    });

    it('fires no event and sends nothing for an invalid address', async () => {
      const el = await form();
      const seen: string[] = [];
      for (const type of ['paperfeed-subscribe', 'paperfeed-subscribed', 'paperfeed-subscribe-error']) {
        el.addEventListener(type, () => seen.push(type));
      }
      await submit(el, 'not an email');
      expect(seen).to.deep.equal([]);
      expect(calls).to.have.length(0);
    });

    it('treats a filled honeypot as a silent success: no request, no event', async () => {
      const el = await form();
      const seen: string[] = [];
      el.addEventListener('paperfeed-subscribe', () => seen.push('subscribe'));
      el.shadowRoot!.querySelector<HTMLInputElement>('#website')!.value = 'https://spam.example';
      await submit(el, 'bot@spam.example');
      expect(calls).to.have.length(0);
      expect(seen).to.deep.equal([]);
      expect(el.state).to.equal('success');
      expect(statusText(el)).to.equal('Thanks for subscribing! Check your inbox.');
    });

    it('works from the keyboard: type, Enter, one request', async () => {
      const el = await form();
      input(el).focus();
      await sendKeys({ type: 'ada@example.org' });
      const done = oneEvent(el, 'paperfeed-subscribed');
      await sendKeys({ press: 'Enter' });
      await done;
      expect(calls).to.have.length(1);
      expect(calls[0].body).to.equal('{"email":"ada@example.org"}');
    });

    it('reaches the field then the button with Tab, skipping the honeypot, with a visible focus ring', async () => {
      const el = await form();
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(button(el));
      expect(getComputedStyle(button(el)).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(null);
      before.remove();
    });
  });

  describe('dev mode', () => {
    it('causes no Lit dev-mode warnings', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const el = await form();
        el.encoding = 'form';
        el.headingLevel = 2;
        await submitAndSettle(el, 'ada@example.org');
        fakeFetch(() => jsonResponse(500, {}));
        await submitAndSettle(el, 'ada@example.org');
      } finally {
        console.warn = original;
      }
      const fromLit = warnings.filter((args) => !/Lit is in dev mode/.test(String(args[0])));
      expect(fromLit.map(String)).to.deep.equal([]);
    });
  });
});
