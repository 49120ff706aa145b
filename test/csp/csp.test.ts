// All three elements on a page served with a strict Content-Security-Policy and Trusted Types
// (test/server/routes.mjs, /__csp/page.html): the page loads only the bundled elements (src/paperfeed.ts
// bundled by esbuild on the fly) and its own same-origin script. The feed, the card, the thumbnails and
// the subscribe request must all work, and the browser must report no violation at all.
import { expect } from '@open-wc/testing';
import { allElements, collapse } from '../security/helpers.js';
import { routesInstalled, subscribeLog, uniqueKey, until } from '../faults/helpers.js';

const POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' https:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html paperfeed";

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

interface ProbeWindow extends Window {
  __pf: {
    violations: Violation[];
    listDone: Promise<{ ok: boolean; count?: number; message?: string }>;
    subscribeDone: Promise<{ ok: boolean; detail: unknown }>;
  };
}

async function openPage(key: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '1400';
  frame.src = `/__csp/page.html?key=${encodeURIComponent(key)}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

const frame = (win: Window) => new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));

describe('strict CSP and Trusted Types', function () {
  this.timeout(30_000);
  let iframe: HTMLIFrameElement | undefined;

  before(async () => {
    if (!(await routesInstalled())) {
      throw new Error(
        'The test routes are not installed: add `middleware: [...paperfeedTestRoutes]` from test/server/routes.mjs to web-test-runner.config.mjs.',
      );
    }
  });

  afterEach(() => {
    iframe?.remove();
    iframe = undefined;
  });

  it('serves the page with the strict policy', async () => {
    const response = await fetch('/__csp/page.html?key=header-check');
    expect(response.headers.get('content-security-policy')).to.include(POLICY);
  });

  it('list, card and subscribe all work with zero violations', async () => {
    const key = uniqueKey('csp');
    iframe = await openPage(key);
    const win = iframe.contentWindow as ProbeWindow;
    const doc = iframe.contentDocument!;
    expect(win.__pf, 'the page script ran (script-src self)').to.not.equal(undefined);

    // The list: fetched from a same-origin route, three cards rendered.
    const listResult = await win.__pf.listDone;
    expect(listResult).to.deep.equal({ ok: true, count: 3 });
    const list = doc.querySelector('paperfeed-list')!;
    await (list as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const cards = [...list.shadowRoot!.querySelectorAll('paperfeed-card')];
    expect(cards).to.have.length(3);
    await Promise.all(cards.map((card) => (card as unknown as { updateComplete: Promise<unknown> }).updateComplete));
    const titles = cards.map((card) => collapse(card.shadowRoot!.querySelector('[part="title"]')!.textContent!));
    expect(titles).to.deep.equal([
      'CSP paper 1: learning to read feeds',
      'CSP paper 2: learning to read feeds',
      'CSP paper 3: learning to read feeds',
    ]);

    // The standalone card got the first paper from the page script.
    const card = doc.querySelector('paperfeed-card')!;
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(collapse(card.shadowRoot!.querySelector('[part="title"]')!.textContent!)).to.equal(titles[0]);
    // Styles apply (adoptedStyleSheets are allowed under style-src 'self'): the card is laid out as a box.
    const article = card.shadowRoot!.querySelector('[part="card"]')!;
    expect(win.getComputedStyle(card).display).to.equal('block');
    expect(article.getBoundingClientRect().height).to.be.greaterThan(50);

    // The subscribe form: a real POST to a same-origin endpoint.
    const subscribe = doc.querySelector('paperfeed-subscribe')!;
    await (subscribe as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const input = subscribe.shadowRoot!.querySelector<HTMLInputElement>('[part="input"]')!;
    input.value = 'csp@example.org';
    input.dispatchEvent(new (win as unknown as typeof globalThis).Event('input', { bubbles: true, composed: true }));
    subscribe.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    const subscribed = await win.__pf.subscribeDone;
    expect(subscribed.ok).to.equal(true);
    expect(await subscribeLog(key)).to.have.length(1);

    // Let images (same-origin thumbnails) load and any late violation be reported.
    const images = allElements(doc.body).filter((el): el is HTMLImageElement => el.localName === 'img');
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    await frame(win);
    await frame(win);

    const styled = allElements(doc.body).filter((el) => el.hasAttribute('style'));
    expect(styled.map((el) => el.localName), 'inline style= attributes').to.deep.equal([]);
    expect(win.__pf.violations, 'CSP / Trusted Types violations').to.deep.equal([]);
  });

  it('the policy is really enforced: a raw innerHTML on that page is refused and reported', async () => {
    // The control for the test above: the same listener and report endpoint see a violation when
    // there is one, so "zero violations" there means something.
    const key = uniqueKey('csp-control');
    iframe = await openPage(key);
    const win = iframe.contentWindow as ProbeWindow;
    await win.__pf.listDone;
    const target = iframe.contentDocument!.createElement('div');
    let refused: unknown;
    try {
      target.innerHTML = '<b>not trusted</b>';
    } catch (error) {
      refused = error;
    }
    // The TypeError comes from the frame's realm, so compare by name, not by constructor.
    expect((refused as Error | undefined)?.name).to.equal('TypeError');
    await until(async () => (win.__pf.violations.length ? true : undefined), 'the violation event', 3000);
    expect(win.__pf.violations.map((v) => v.directive)).to.deep.equal(['require-trusted-types-for']);
    const reports = await until(async () => {
      const response = await fetch(`/__csp/reports?key=${encodeURIComponent(key)}`, { cache: 'no-store' });
      const { count } = (await response.json()) as { count: number };
      return count ? count : undefined;
    }, 'the violation report to reach the server', 8000);
    expect(reports).to.equal(1);
  });
});
