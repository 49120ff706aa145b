import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test';
import '../src/subscribe/define.js';
import type { PaperfeedSubscribe } from '../src/subscribe/paperfeed-subscribe.js';
import type { SubscribeStrings } from '../src/subscribe/strings.js';
import { argsOf, host, sent, shadow, useFakeFetch, visibleText, type Route } from './support.js';

interface SubscribeArgs {
  action: string;
  encoding: 'json' | 'form';
  field: string;
  heading: string;
  buttonLabel: string;
  successMessage: string;
  theme: 'auto' | 'light' | 'dark';
  timeout?: number;
  noCors: boolean;
  headingLevel: number;
  strings: Partial<SubscribeStrings>;
}

// Relative endpoints, as on the demo blog, answered by the fake fetch. One per behaviour, because a
// docs page renders every story at once under one fetch hook.
const ACTION = '/api/subscribe';
const DOWN = '/api/subscribe-down';
const TAKEN = '/api/subscribe-taken';
const SLOW = '/api/subscribe-slow';
const UNREACHABLE = '/api/subscribe-unreachable';
const endpoint = (path = ACTION) => new URL(path, document.baseURI).href;
const json = (status: number, body: object): Route => ({ status, body: JSON.stringify(body), type: 'application/json' });
const routes = (): Record<string, Route> => ({
  [endpoint(ACTION)]: json(201, { message: 'Subscribed.' }),
  [endpoint(DOWN)]: json(503, { message: 'Maintenance' }),
  [endpoint(TAKEN)]: json(409, { message: 'ada@example.org is already subscribed.' }),
  [endpoint(SLOW)]: () => 'hang',
  [endpoint(UNREACHABLE)]: () => 'network-error',
});

/** The element from the story's args, with `slotted` light-DOM content (the slot stories). */
const subscribe = (args: SubscribeArgs, slotted: TemplateResult | typeof nothing = nothing) =>
  html`<paperfeed-subscribe ${argsOf(args)}>${slotted}</paperfeed-subscribe>`;

const meta = {
  title: 'Elements/paperfeed-subscribe',
  component: 'paperfeed-subscribe',
  render: (args) => subscribe(args),
  args: {
    action: ACTION,
    encoding: 'json',
    field: 'email',
    heading: 'Get trending papers in your email inbox!',
    buttonLabel: 'Subscribe',
    successMessage: 'Thanks for subscribing! Check your inbox.',
    theme: 'auto',
    noCors: false,
    headingLevel: 3,
    strings: {},
  },
  // Rows, sections and descriptions come from custom-elements.json (.storybook/argtypes.ts); here
  // only what a type name cannot tell: the options of the named unions.
  argTypes: {
    encoding: { control: 'inline-radio', options: ['json', 'form'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  // `/api/subscribe` accepts every address, like the demo's; the others fail on purpose.
  beforeEach: () => useFakeFetch(routes()),
  decorators: [(story) => html`<div class="pf-narrow">${story()}</div>`],
  parameters: {
    docs: {
      description: {
        component:
          'A newsletter form posting `{"email": …}` (or a urlencoded form) to `action`. In these stories the endpoint is answered locally through `setFetch`.',
      },
    },
  },
} satisfies Meta<SubscribeArgs>;

export default meta;
type Story = StoryObj<SubscribeArgs>;

const form = (canvas: HTMLElement) => host<PaperfeedSubscribe>(canvas, 'paperfeed-subscribe');
const controls = (el: Element) => {
  const view = within(shadow(el));
  return {
    input: view.getByRole<HTMLInputElement>('textbox', { name: 'Email address' }),
    button: view.getByRole('button', { name: 'Subscribe' }),
    status: view.getByRole('status'),
  };
};
const waitForState = (el: Element, state: string) => waitFor(() => expect(el).toHaveAttribute('state', state));

/** Records the element's outcome events, in order. */
function record(el: Element): string[] {
  const seen: string[] = [];
  for (const type of ['paperfeed-subscribe', 'paperfeed-subscribed', 'paperfeed-subscribe-error']) {
    el.addEventListener(type, () => seen.push(type));
  }
  return seen;
}

/** Types an address and submits it, then checks the failure a reader sees: the message, and the address kept. */
async function submitAndFail(el: Element, message: string) {
  const { input, button, status } = controls(el);
  await userEvent.type(input, 'ada@example.org');
  await userEvent.click(button);
  await waitForState(el, 'error');
  await expect(status).toHaveTextContent(message);
  // The typed address stays, so trying again is one click.
  await expect(input).toHaveValue('ada@example.org');
  return { input, button, status };
}

/** The `kind` of the next `paperfeed-subscribe-error` (a `SubscribeError`: config, network, timeout, http). */
const nextErrorKind = (el: Element) =>
  new Promise<string>((resolve) =>
    el.addEventListener(
      'paperfeed-subscribe-error',
      (event) => resolve((event as CustomEvent<{ error: { kind: string } }>).detail.error.kind),
      { once: true },
    ),
  );

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const { input, button, status } = controls(el);
    await expect(within(shadow(el)).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Get trending papers in your email inbox!',
    );
    await expect(input).toHaveAttribute('type', 'email');
    await expect(input).toHaveAttribute('autocomplete', 'email');
    await expect(input).toBeRequired();
    await expect(button).toBeEnabled();
    // The live region exists, empty, before there is anything to announce.
    await expect(status.textContent?.trim()).toBe('');
    // The honeypot is out of sight and out of the accessibility tree.
    await expect(within(shadow(el)).queryByRole('textbox', { name: 'Website' })).toBeNull();
  },
};

export const Success: Story = {
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const events = record(el);
    const { input, button, status } = controls(el);
    await userEvent.type(input, 'ada@example.org');
    await userEvent.click(button);
    await waitForState(el, 'success');
    await expect(status).toHaveTextContent('Thanks for subscribing! Check your inbox.');
    await expect(input).toHaveValue('');
    await expect(events).toEqual(['paperfeed-subscribe', 'paperfeed-subscribed']);
    // One JSON request with the address.
    const requests = sent().requests;
    await expect(requests).toHaveLength(1);
    await expect(requests[0]).toMatchObject({ url: endpoint(), method: 'POST', contentType: 'application/json' });
    await expect(JSON.parse(requests[0].body)).toEqual({ email: 'ada@example.org' });
  },
};

export const Invalid: Story = {
  play: async ({ canvasElement, step }) => {
    const el = await form(canvasElement);
    const events = record(el);
    const { input, button, status } = controls(el);
    await step('an empty field asks for an address', async () => {
      await userEvent.click(button);
      await waitForState(el, 'invalid');
      await expect(status).toHaveTextContent('Enter your email address.');
    });
    await step('a malformed address is explained and not sent', async () => {
      await userEvent.type(input, 'ada@example');
      await userEvent.keyboard('{Enter}');
      await waitForState(el, 'invalid');
      await expect(status).toHaveTextContent('Enter a valid email address, like name@example.com.');
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toHaveValue('ada@example');
    });
    await expect(sent().requests).toHaveLength(0);
    await expect(events).toEqual([]);
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { action: DOWN },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const events = record(el);
    await submitAndFail(el, 'Something went wrong on our side (503). Please try again later.');
    await expect(events).toEqual(['paperfeed-subscribe', 'paperfeed-subscribe-error']);
    await expect(sent().requests).toHaveLength(1);
  },
};

export const AlreadySubscribed: Story = {
  name: 'Rejected with the server’s message',
  args: { action: TAKEN },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await submitAndFail(el, 'ada@example.org is already subscribed.');
  },
};

export const Sending: Story = {
  name: 'Sending (double click ignored)',
  args: { action: SLOW },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const { input, button, status } = controls(el);
    await userEvent.type(input, 'ada@example.org');
    await userEvent.dblClick(button);
    await userEvent.keyboard('{Enter}');
    await waitForState(el, 'sending');
    await expect(status).toHaveTextContent('Subscribing…');
    await expect(shadow(el).querySelector('form')).toHaveAttribute('aria-busy', 'true');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    // Two clicks and an Enter while sending: still one request.
    await expect(sent().requests).toHaveLength(1);
  },
};

export const FormEncoding: Story = {
  name: 'Form encoding',
  args: { encoding: 'form', field: 'EMAIL', buttonLabel: 'Subscribe', successMessage: 'Almost done: confirm the email we sent you.' },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const { input, button, status } = controls(el);
    await userEvent.type(input, 'grace+papers@example.org');
    await userEvent.click(button);
    await waitForState(el, 'success');
    await expect(status).toHaveTextContent('Almost done: confirm the email we sent you.');
    // A classic form post, as Mailchimp-style endpoints expect, with the configured field name.
    const [request] = sent().requests;
    await expect(request.contentType).toBe('application/x-www-form-urlencoded');
    await expect(request.body).toBe('EMAIL=grace%2Bpapers%40example.org');
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { scheme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
    await expect(controls(el).button).toBeVisible();
  },
};

export const Timeout: Story = {
  name: 'Error: timeout',
  // The endpoint never answers; the form gives up after 300 ms.
  args: { action: SLOW, timeout: 300 },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const events = record(el);
    const kind = nextErrorKind(el);
    const { button } = await submitAndFail(el, 'The server took too long to answer. Please try again.');
    await expect(await kind).toBe('timeout');
    await expect(button).not.toHaveAttribute('aria-disabled');
    await expect(events).toEqual(['paperfeed-subscribe', 'paperfeed-subscribe-error']);
    await expect(sent().requests).toHaveLength(1);
  },
};

export const NetworkError: Story = {
  name: 'Error: network',
  // The request is refused before any answer (offline, or a cross-origin endpoint without CORS).
  args: { action: UNREACHABLE },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const kind = nextErrorKind(el);
    await submitAndFail(el, 'Could not reach the server. Check your connection and try again.');
    await expect(await kind).toBe('network');
    await expect(sent().requests).toHaveLength(1);
  },
};

export const NotConfigured: Story = {
  name: 'Not configured (no action)',
  args: { action: '' },
  // The element tells the page author on the console; keep that out of the test log.
  beforeEach: () => {
    const spy = spyOn(console, 'error').mockImplementation(() => {});
    return () => spy.mockRestore();
  },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const events = record(el);
    const kind = nextErrorKind(el);
    const { input, button, status } = controls(el);
    // The form looks normal until someone tries it.
    await expect(button).toBeEnabled();
    await userEvent.type(input, 'ada@example.org');
    await userEvent.click(button);
    await expect(await kind).toBe('config');
    await waitForState(el, 'error');
    await expect(status).toHaveTextContent('Subscribing is not available on this page yet.');
    await expect(console.error).toHaveBeenCalledWith(expect.stringContaining('[paperfeed] <paperfeed-subscribe> has no usable `action`'));
    await expect(events).toEqual(['paperfeed-subscribe', 'paperfeed-subscribe-error']);
    // Nothing was sent anywhere.
    await expect(sent().requests).toHaveLength(0);
  },
};

export const NoHeading: Story = {
  name: 'No heading (heading="")',
  args: { heading: '' },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const view = within(shadow(el));
    // For a page that has its own heading above the form: none inside, and the form is not named after one.
    await expect(view.queryByRole('heading')).toBeNull();
    await expect(shadow(el).querySelector('form')).not.toHaveAttribute('aria-labelledby');
    const { input, button } = controls(el);
    await expect(input).toBeVisible();
    await expect(button).toBeVisible();
  },
};

export const WithDescription: Story = {
  name: 'With a description',
  render: (args) =>
    subscribe(
      args,
      html`<p slot="description">One email every Friday with the ten most upvoted papers of the week. Unsubscribe in one click.</p>`,
    ),
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    const description = shadow(el).querySelector<HTMLElement>('[part~="description"]')!;
    await waitFor(() => expect(description).toBeVisible());
    await expect(visibleText(description)).toBe(
      'One email every Friday with the ten most upvoted papers of the week. Unsubscribe in one click.',
    );
    // Between the heading and the field.
    const heading = within(shadow(el)).getByRole('heading', { level: 3 });
    const { input } = controls(el);
    await expect(description.getBoundingClientRect().top).toBeGreaterThanOrEqual(heading.getBoundingClientRect().bottom);
    await expect(description.getBoundingClientRect().bottom).toBeLessThanOrEqual(input.getBoundingClientRect().top);
  },
};

export const Slots: Story = {
  name: 'Slots: heading, description and success',
  render: (args) =>
    subscribe(
      args,
      html`<span slot="heading">Papers, <em>every Friday</em></span>
        <p slot="description">The week’s most upvoted papers, picked by the reading group.</p>
        <span slot="success"
          >You’re in! Meanwhile, <a href="https://reading.example.org/archive">read past issues</a>.</span
        >`,
    ),
  play: async ({ canvasElement, step }) => {
    const el = await form(canvasElement);
    const view = within(shadow(el));
    const success = canvasElement.querySelector('[slot="success"]')!;
    await step('the page’s heading and description replace the defaults', async () => {
      const heading = view.getByRole('heading', { level: 3 });
      await expect(visibleText(heading)).toBe('Papers, every Friday');
      await expect(visibleText(el)).not.toContain('Get trending papers');
      await waitFor(() => expect(shadow(el).querySelector('[part~="description"]')).toBeVisible());
      await expect(visibleText(el)).toContain('The week’s most upvoted papers, picked by the reading group.');
      // The success content waits for a successful sign-up.
      await expect(success.checkVisibility()).toBe(false);
    });
    await step('after sign-up the status shows the page’s success content', async () => {
      const { input, button, status } = controls(el);
      await userEvent.type(input, 'ada@example.org');
      await userEvent.click(button);
      await waitForState(el, 'success');
      await expect(visibleText(status)).toBe('You’re in! Meanwhile, read past issues .');
      await expect(success.checkVisibility()).toBe(true);
      await expect(within(canvasElement).getByRole('link', { name: 'read past issues' })).toHaveAttribute(
        'href',
        'https://reading.example.org/archive',
      );
      await expect(visibleText(status)).not.toContain('Thanks for subscribing');
    });
  },
};
