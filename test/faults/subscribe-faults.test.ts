// <paperfeed-subscribe> against real endpoints from the dev server's test routes: the server records
// every request per key, so "one request per submission" is counted where it arrives, not where it
// leaves. Every outcome must show a message, and the typed address must never be lost on failure.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/subscribe/define.js';
import type { PaperfeedSubscribe } from '../../src/subscribe/paperfeed-subscribe.js';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { refusedUrl, routesInstalled, subscribeLog, uncaughtRecorder, uniqueKey, until } from './helpers.js';

const EMAIL = 'reader@example.org';

const parts = (el: PaperfeedSubscribe) => {
  const root = el.shadowRoot!;
  return {
    input: root.querySelector<HTMLInputElement>('[part="input"]')!,
    button: root.querySelector<HTMLButtonElement>('[part="button"]')!,
    status: root.querySelector<HTMLElement>('[part="status"]')!,
  };
};

const statusText = (el: PaperfeedSubscribe) => parts(el).status.textContent!.replace(/\s+/g, ' ').trim();

async function mount(action: string, timeout?: number): Promise<PaperfeedSubscribe> {
  const el = await fixture<PaperfeedSubscribe>(
    html`<paperfeed-subscribe action=${action} timeout=${timeout ?? 10000}></paperfeed-subscribe>`,
  );
  return el;
}

function type(el: PaperfeedSubscribe, text: string): void {
  const { input } = parts(el);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Resolves with the outcome event of the next submission. */
function outcome(el: PaperfeedSubscribe): Promise<Event> {
  return new Promise((resolve) => {
    const done = (event: Event) => {
      el.removeEventListener('paperfeed-subscribed', done);
      el.removeEventListener('paperfeed-subscribe-error', done);
      resolve(event);
    };
    el.addEventListener('paperfeed-subscribed', done);
    el.addEventListener('paperfeed-subscribe-error', done);
  });
}

/** Types the address, submits once, and resolves with the outcome event. */
async function submit(el: PaperfeedSubscribe): Promise<Event> {
  type(el, EMAIL);
  const done = outcome(el);
  parts(el).button.click();
  return done;
}

const endpoint = (mode: string, key: string) => `/__fault/subscribe/${mode}?key=${encodeURIComponent(key)}`;

describe('<paperfeed-subscribe> against real endpoints', function () {
  this.timeout(20_000);
  const uncaught = uncaughtRecorder();

  before(async () => {
    if (!(await routesInstalled())) {
      throw new Error(
        'The test routes are not installed: add `middleware: [...paperfeedTestRoutes]` from test/server/routes.mjs to web-test-runner.config.mjs.',
      );
    }
  });

  beforeEach(() => {
    setFetch();
    uncaught.start();
  });

  afterEach(() => {
    setFetch();
    uncaught.stop();
  });

  it('ok: one request with the JSON body, a success message', async () => {
    const key = uniqueKey('sub-ok');
    const el = await mount(endpoint('ok', key));
    expect((await submit(el)).type).to.equal('paperfeed-subscribed');
    await el.updateComplete;
    const log = await subscribeLog(key);
    expect(log).to.have.length(1);
    expect(log[0].method).to.equal('POST');
    expect(log[0].contentType).to.match(/^application\/json/);
    expect(JSON.parse(log[0].body)).to.deep.equal({ email: EMAIL });
    expect(statusText(el)).to.match(/Thanks for subscribing/);
    expect(uncaught.seen).to.deep.equal([]);
  });

  it('4xx: shows the server’s own message, keeps the address, one request', async () => {
    const key = uniqueKey('sub-4xx');
    const el = await mount(endpoint('4xx', key));
    const event = (await submit(el)) as CustomEvent;
    expect(event.type).to.equal('paperfeed-subscribe-error');
    expect(event.detail.error.status).to.equal(422);
    await el.updateComplete;
    expect(statusText(el)).to.equal('This address cannot be subscribed: it is on the blocklist.');
    expect(parts(el).input.value).to.equal(EMAIL);
    expect(await subscribeLog(key)).to.have.length(1);
    await expect(el).to.be.accessible();
    expect(uncaught.seen).to.deep.equal([]);
  });

  it('5xx: a message of its own (the HTML error page is not shown), keeps the address, one request per submission', async () => {
    const key = uniqueKey('sub-5xx');
    const el = await mount(endpoint('5xx', key));
    type(el, EMAIL);
    for (let attempt = 1; attempt <= 2; attempt++) {
      const done = outcome(el);
      parts(el).button.click();
      const event = (await done) as CustomEvent;
      expect(event.type).to.equal('paperfeed-subscribe-error');
      expect(event.detail.error.status).to.equal(500);
      await el.updateComplete;
      expect(statusText(el)).to.match(/went wrong.*500/);
      expect(statusText(el)).not.to.include('<');
      expect(parts(el).input.value).to.equal(EMAIL);
      expect(await subscribeLog(key)).to.have.length(attempt);
    }
    expect(uncaught.seen).to.deep.equal([]);
  });

  it('network down (connection refused): a message, keeps the address, one request', async () => {
    // The refused request never reaches a server that could count it, so count at the fetch hook,
    // which passes straight through to the real fetch.
    let calls = 0;
    setFetch((input, init) => {
      calls++;
      return fetch(input, init);
    });
    const el = await mount(await refusedUrl());
    const event = (await submit(el)) as CustomEvent;
    expect(event.type).to.equal('paperfeed-subscribe-error');
    expect(event.detail.error.kind).to.equal('network');
    await el.updateComplete;
    expect(statusText(el)).to.match(/Could not reach the server/);
    expect(parts(el).input.value).to.equal(EMAIL);
    expect(calls).to.equal(1);
    expect(uncaught.seen).to.deep.equal([]);
  });

  it('timeout: a message after `timeout` ms, keeps the address, one request, and the server sees it abandoned', async () => {
    const key = uniqueKey('sub-hang');
    const el = await mount(endpoint('hang', key), 700);
    type(el, EMAIL);
    const done = outcome(el);
    const started = performance.now();
    parts(el).button.click();
    const event = (await done) as CustomEvent;
    expect(performance.now() - started).to.be.within(600, 5000);
    expect(event.type).to.equal('paperfeed-subscribe-error');
    expect(event.detail.error.kind).to.equal('timeout');
    await el.updateComplete;
    expect(statusText(el)).to.match(/took too long/);
    expect(parts(el).input.value).to.equal(EMAIL);
    expect(parts(el).button.getAttribute('aria-disabled')).to.equal(null);
    expect(await subscribeLog(key)).to.have.length(1);
    expect(uncaught.seen).to.deep.equal([]);
  });

  it('double submit: clicks and Enter while sending make exactly one request', async () => {
    const key = uniqueKey('sub-double');
    // A hanging endpoint keeps the form in `sending` for as long as the test clicks.
    const el = await mount(endpoint('hang', key), 1200);
    type(el, EMAIL);
    const done = outcome(el);
    const { button, input } = parts(el);
    button.click();
    button.click();
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('sending');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    input.form!.requestSubmit();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(async () => ((await subscribeLog(key)).length ? true : undefined), 'the request to arrive');
    await done;
    const log = await subscribeLog(key);
    expect(log).to.have.length(1);
    expect(parts(el).input.value).to.equal(EMAIL);
    expect(statusText(el)).to.not.equal('');
  });

  it('double click on a fast endpoint: one request, one success', async () => {
    const key = uniqueKey('sub-double-ok');
    const el = await mount(endpoint('ok', key));
    type(el, EMAIL);
    let successes = 0;
    el.addEventListener('paperfeed-subscribed', () => successes++);
    const done = outcome(el);
    parts(el).button.click();
    parts(el).button.click();
    await done;
    await el.updateComplete;
    expect(await subscribeLog(key)).to.have.length(1);
    expect(successes).to.equal(1);
  });

  for (const bad of ['', 'not-an-email', 'name@host', 'two@@example.org', ' spaced out@example.org ']) {
    it(`invalid address ${JSON.stringify(bad)}: a message, no request, the text kept`, async () => {
      const key = uniqueKey('sub-invalid');
      const el = await mount(endpoint('ok', key));
      type(el, bad);
      parts(el).button.click();
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('invalid');
      expect(statusText(el)).to.match(/Enter (a valid )?(your )?email address/);
      expect(parts(el).input.value).to.equal(bad.trim()); // type=email strips outer whitespace itself
      // The recorder is asked after the form has had every chance to send.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await subscribeLog(key)).to.have.length(0);
      expect(uncaught.seen).to.deep.equal([]);
    });
  }

  it('recovers: a failed submission, then a successful one, makes two requests in total', async () => {
    const failKey = uniqueKey('sub-retry');
    const el = await mount(endpoint('5xx', failKey));
    type(el, EMAIL);
    let done = outcome(el);
    parts(el).button.click();
    expect((await done).type).to.equal('paperfeed-subscribe-error');
    el.action = endpoint('ok', failKey);
    await el.updateComplete;
    done = outcome(el);
    parts(el).button.click();
    expect((await done).type).to.equal('paperfeed-subscribed');
    const log = await subscribeLog(failKey);
    expect(log.map((r) => r.mode)).to.deep.equal(['5xx', 'ok']);
  });

  describe('an endpoint on another origin that sends no CORS headers (a newsletter form action)', () => {
    // The test server under its IP address is another origin than `localhost`; its routes send no
    // Access-Control-Allow-Origin, so the browser hides every answer from the page. Which loopback
    // address it listens on depends on how the machine resolves `localhost`.
    let otherHost = '';
    before(async () => {
      for (const host of ['127.0.0.1', '[::1]']) {
        try {
          await fetch(`http://${host}:${location.port}/__fault/log?key=probe`, { mode: 'no-cors' });
          otherHost = host;
          return;
        } catch {
          // not listening there
        }
      }
      throw new Error('The test server is reachable on neither 127.0.0.1 nor [::1].');
    });
    const crossOrigin = (mode: string, key: string) => `http://${otherHost}:${location.port}${endpoint(mode, key)}`;

    it('without no-cors the address arrives but the reader is told it failed, the address kept', async () => {
      const key = uniqueKey('sub-cors');
      const el = await fixture<PaperfeedSubscribe>(
        html`<paperfeed-subscribe encoding="form" action=${crossOrigin('ok', key)}></paperfeed-subscribe>`,
      );
      expect((await submit(el)).type).to.equal('paperfeed-subscribe-error');
      expect(await subscribeLog(key)).to.have.length(1);
      expect(parts(el).input.value).to.equal(EMAIL);
    });

    it('with no-cors: one form-encoded request, the success message, the field cleared', async () => {
      const key = uniqueKey('sub-nocors');
      const el = await fixture<PaperfeedSubscribe>(
        html`<paperfeed-subscribe no-cors field="EMAIL" action=${crossOrigin('ok', key)}></paperfeed-subscribe>`,
      );
      expect((await submit(el)).type).to.equal('paperfeed-subscribed');
      await el.updateComplete;
      const log = await subscribeLog(key);
      expect(log).to.have.length(1);
      expect(log[0].contentType).to.match(/^application\/x-www-form-urlencoded/);
      expect(log[0].body).to.equal(`EMAIL=${encodeURIComponent(EMAIL)}`);
      expect(statusText(el)).to.match(/Thanks for subscribing/);
      expect(parts(el).input.value).to.equal('');
      expect(uncaught.seen).to.deep.equal([]);
    });

    it('with no-cors, an endpoint that cannot be reached still shows the network message', async () => {
      const el = await fixture<PaperfeedSubscribe>(
        html`<paperfeed-subscribe no-cors action=${await refusedUrl()}></paperfeed-subscribe>`,
      );
      expect((await submit(el)).type).to.equal('paperfeed-subscribe-error');
      expect(statusText(el)).to.match(/Could not reach/);
      expect(parts(el).input.value).to.equal(EMAIL);
    });
  });
});
