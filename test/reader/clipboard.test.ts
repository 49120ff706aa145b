import { expect } from '@open-wc/testing';
import { copyText, copyWithTextarea } from '../../src/reader/clipboard.js';

describe('reader: clipboard', () => {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  let execCommand: typeof document.execCommand;

  beforeEach(() => {
    execCommand = document.execCommand;
  });

  afterEach(() => {
    if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    delete (navigator as unknown as Record<string, unknown>).clipboard;
    document.execCommand = execCommand;
  });

  const fakeClipboard = (writeText: (text: string) => Promise<void>) =>
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });

  it('uses the Clipboard API when it works', async () => {
    const written: string[] = [];
    fakeClipboard(async (text) => void written.push(text));
    expect(await copyText('@misc{a}')).to.equal(true);
    expect(written).to.deep.equal(['@misc{a}']);
  });

  it('falls back to a textarea and execCommand when the API refuses', async () => {
    fakeClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    let selected = '';
    document.execCommand = ((command: string) => {
      selected = command === 'copy' ? String(getSelection()?.toString() || (document.activeElement as HTMLTextAreaElement).value) : '';
      return true;
    }) as typeof document.execCommand;
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    expect(await copyText('plain citation')).to.equal(true);
    expect(selected).to.equal('plain citation');
    expect(document.querySelector('textarea'), 'the helper textarea is gone').to.equal(null);
    expect(document.activeElement, 'focus returns').to.equal(button);
    button.remove();
  });

  it('reports failure when both routes fail', async () => {
    fakeClipboard(() => Promise.reject(new Error('no')));
    document.execCommand = (() => false) as typeof document.execCommand;
    expect(await copyText('x')).to.equal(false);
    document.execCommand = (() => {
      throw new Error('unsupported');
    }) as typeof document.execCommand;
    expect(copyWithTextarea('x')).to.equal(false);
  });
});
