// The list's Hugging Face day / week / month view (src/list/controllers/period.ts), on a bare host.
import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { PeriodController, type PeriodHost } from '../src/list/controllers/period.js';
import { todayIso } from '../src/feed/hf/period.js';

const HF = 'https://huggingface.co/api/daily_papers';

function host(fields: Partial<PeriodHost> = {}) {
  const controllers: ReactiveController[] = [];
  let updates = 0;
  const h = {
    periods: false,
    noPeriods: false,
    baseURI: 'https://blog.example/posts/',
    addController: (c: ReactiveController) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
    get updates() {
      return updates;
    },
    ...fields,
  };
  return h;
}

function connected(h: ReturnType<typeof host>): PeriodController {
  const period = new PeriodController(h);
  period.hostConnected();
  period.hostUpdate();
  return period;
}

describe('PeriodController', () => {
  it('shows the bar for the daily-papers API only, unless periods or no-periods say otherwise', () => {
    expect(connected(host({ src: HF })).show).to.equal(true);
    expect(connected(host({ src: '/feed.json' })).show).to.equal(false);
    expect(connected(host({ src: '/feed.json', periods: true })).show).to.equal(true);
    expect(connected(host({ src: HF, noPeriods: true })).show).to.equal(false);
  });

  it('reads the period from src, then from period/date, and builds the URL that asks for it', () => {
    const fromSrc = connected(host({ src: `${HF}?week=2026-W48&limit=5` }));
    expect(fromSrc.current).to.deep.equal({ period: 'week', anchor: '2026-11-23' });
    expect(fromSrc.url(`${HF}?week=2026-W48&limit=5`)).to.equal(`${HF}?limit=5&week=2026-W48`);
    const fromAttributes = connected(host({ src: HF, period: 'month', date: '2026-11-27' }));
    expect(fromAttributes.url(HF)).to.equal(`${HF}?month=2026-11`);
  });

  it('leaves src as written when there is no period, or for another source', () => {
    expect(connected(host({ src: HF })).url(HF)).to.equal(HF);
    expect(connected(host({ src: '/feed.json?date=2026-11-27' })).url('/feed.json?date=2026-11-27')).to.equal('/feed.json?date=2026-11-27');
  });

  it('resolves a relative src against the base URL read on connect', () => {
    const h = host({ src: 'feed.json?date=2026-11-27', periods: true });
    const period = new PeriodController(h);
    expect(period.base, 'nothing read before connect').to.equal(undefined);
    period.hostConnected();
    period.hostUpdate();
    expect(period.url('feed.json?date=2026-11-27')).to.equal('https://blog.example/posts/feed.json?date=2026-11-27');
  });

  it('steps and switches views, asking its host to render, and forgets them when src changes', () => {
    const h = host({ src: `${HF}?date=2026-11-27` });
    const period = connected(h);
    period.step(-1);
    expect(period.current).to.deep.equal({ period: 'day', anchor: '2026-11-26' });
    period.choose('month');
    expect(period.current).to.deep.equal({ period: 'month', anchor: '2026-11-26' });
    expect(h.updates).to.equal(2);
    h.src = `${HF}?date=2026-10-01`;
    period.hostUpdate();
    expect(period.current).to.deep.equal({ period: 'day', anchor: '2026-10-01' });
  });

  it('is at the newest period on "latest" and on today, not on a past day', () => {
    expect(connected(host({ src: HF })).atNewest).to.equal(true);
    expect(connected(host({ src: `${HF}?date=${todayIso()}` })).atNewest).to.equal(true);
    expect(connected(host({ src: `${HF}?date=2026-01-05` })).atNewest).to.equal(false);
  });
});
