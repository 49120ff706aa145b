// Hugging Face files daily papers under UTC days (review #20): "today" and "is this period in the
// future" must be decided on the UTC day, whatever the reader's time zone. npm test also runs this
// file in a browser set to America/Los_Angeles; the stubbed zones below make it able to fail in a
// UTC browser too.
import { expect } from '@open-wc/testing';
import { isFuture, shiftPeriod, todayIso } from '../../src/feed/hf/period.js';

const HOUR = 3_600_000;
const LOCAL_GETTERS = ['getFullYear', 'getMonth', 'getDate'] as const;
type LocalGetter = (typeof LOCAL_GETTERS)[number];

describe('hf-period: today is a UTC day', () => {
  const saved = new Map(LOCAL_GETTERS.map((name) => [name, Date.prototype[name]]));

  /** Make every Date read its local calendar as if the reader lived at UTC+`hours`. */
  function liveAt(hours: number): void {
    const utc: Record<LocalGetter, () => number> = {
      getFullYear: Date.prototype.getUTCFullYear,
      getMonth: Date.prototype.getUTCMonth,
      getDate: Date.prototype.getUTCDate,
    };
    for (const name of LOCAL_GETTERS) {
      Date.prototype[name] = function (this: Date) {
        return utc[name].call(new Date(this.getTime() + hours * HOUR));
      };
    }
  }

  afterEach(() => {
    for (const [name, getter] of saved) Date.prototype[name] = getter;
  });

  it('reads the UTC day of an instant, not the local one', () => {
    // 16:30 on the 27th in Los Angeles is already the 28th at HF; 08:30 on the 28th in Tokyo is still the 27th.
    expect(todayIso(new Date('2026-11-28T00:30:00Z'))).to.equal('2026-11-28');
    expect(todayIso(new Date('2026-11-27T23:30:00Z'))).to.equal('2026-11-27');
    liveAt(-8);
    expect(todayIso(new Date('2026-11-28T00:30:00Z'))).to.equal('2026-11-28');
    liveAt(9);
    expect(todayIso(new Date('2026-11-27T23:30:00Z'))).to.equal('2026-11-27');
  });

  // At any moment at least one of UTC+14 and UTC-12 is on another calendar day than UTC.
  for (const hours of [14, -12]) {
    it(`knows HF's today and tomorrow for a reader at UTC${hours > 0 ? '+' : ''}${hours}`, () => {
      liveAt(hours);
      const today = new Date().toISOString().slice(0, 10);
      expect(todayIso()).to.equal(today);
      const day = { period: 'day', anchor: today } as const;
      // The newest HF day can be stepped to ("Next" stays enabled) and the day after it cannot.
      expect(isFuture(day)).to.equal(false);
      expect(isFuture(shiftPeriod(day, 1))).to.equal(true);
      expect(isFuture(shiftPeriod(day, -1))).to.equal(false);
    });
  }
});
