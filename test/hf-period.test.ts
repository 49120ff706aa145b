import { expect } from '@open-wc/testing';
import {
  isFuture,
  isHfDailyPapersUrl,
  isIsoDay,
  isoWeek,
  periodParam,
  periodParts,
  periodStart,
  periodUrl,
  readPeriod,
  shiftPeriod,
  todayIso,
} from '../src/feed/hf/period.js';
import { hfRequestUrl, hfSrcPeriod, isHfDailyPapersSrc } from '../src/feed/hf/urls.js';

const HF = 'https://huggingface.co/api/daily_papers';

describe('hf-period', () => {
  describe('isHfDailyPapersUrl', () => {
    it('accepts the daily-papers endpoint with or without parameters', () => {
      expect(isHfDailyPapersUrl(HF)).to.equal(true);
      expect(isHfDailyPapersUrl(`${HF}?date=2026-11-27&limit=50`)).to.equal(true);
      expect(isHfDailyPapersUrl('https://huggingface.co/api/daily_papers/')).to.equal(true);
    });

    it('refuses other endpoints, hosts, relative paths and non-strings', () => {
      expect(isHfDailyPapersUrl('https://huggingface.co/api/papers/2510.1')).to.equal(false);
      expect(isHfDailyPapersUrl('https://evil.example/api/daily_papers')).to.equal(false);
      expect(isHfDailyPapersUrl('https://huggingface.co.evil.example/api/daily_papers')).to.equal(false);
      expect(isHfDailyPapersUrl('/fixtures/hf.json')).to.equal(false);
      expect(isHfDailyPapersUrl('javascript:alert(1)//huggingface.co/api/daily_papers')).to.equal(false);
      expect(isHfDailyPapersUrl(undefined)).to.equal(false);
    });
  });

  describe('isoWeek', () => {
    it('numbers weeks as ISO 8601 (Monday first, week 1 holds the first Thursday)', () => {
      expect(isoWeek('2026-11-27')).to.deep.equal({ weekYear: 2026, week: 48 });
      expect(isoWeek('2026-11-23')).to.deep.equal({ weekYear: 2026, week: 48 });
      expect(isoWeek('2026-11-22')).to.deep.equal({ weekYear: 2026, week: 47 });
      expect(isoWeek('2026-01-01')).to.deep.equal({ weekYear: 2026, week: 1 });
      expect(isoWeek('2025-12-29')).to.deep.equal({ weekYear: 2026, week: 1 });
    });

    it('gives days near New Year to the right week-year', () => {
      expect(isoWeek('2026-12-31')).to.deep.equal({ weekYear: 2026, week: 53 });
      expect(isoWeek('2027-01-03')).to.deep.equal({ weekYear: 2026, week: 53 });
      expect(isoWeek('2021-01-03')).to.deep.equal({ weekYear: 2020, week: 53 });
      expect(isoWeek('2024-12-30')).to.deep.equal({ weekYear: 2025, week: 1 });
    });

    it('throws a clear error for a non-date (a programmer error)', () => {
      expect(() => isoWeek('2026-02-30')).to.throw(/not a YYYY-MM-DD date/);
    });
  });

  describe('periodParam and periodUrl', () => {
    it('writes the API parameters date=YYYY-MM-DD, week=YYYY-Www, month=YYYY-MM', () => {
      expect(periodParam({ period: 'day', anchor: '2026-11-27' })).to.deep.equal(['date', '2026-11-27']);
      expect(periodParam({ period: 'week', anchor: '2026-11-27' })).to.deep.equal(['week', '2026-W48']);
      expect(periodParam({ period: 'week', anchor: '2026-01-05' })).to.deep.equal(['week', '2026-W02']);
      expect(periodParam({ period: 'month', anchor: '2026-11-27' })).to.deep.equal(['month', '2026-11']);
    });

    it('replaces any previous period and page, keeps other parameters', () => {
      const url = new URL(periodUrl(`${HF}?date=2026-11-01&p=3&limit=20`, { period: 'week', anchor: '2026-11-27' }));
      expect(url.searchParams.get('week')).to.equal('2026-W48');
      expect(url.searchParams.has('date')).to.equal(false);
      expect(url.searchParams.has('p')).to.equal(false);
      expect(url.searchParams.get('limit')).to.equal('20');
      expect(url.origin + url.pathname).to.equal(HF);
    });
  });

  describe('readPeriod', () => {
    it('reads the period a URL asks for', () => {
      expect(readPeriod(`${HF}?date=2026-11-27`)).to.deep.equal({ period: 'day', anchor: '2026-11-27' });
      expect(readPeriod(`${HF}?week=2026-W48`)).to.deep.equal({ period: 'week', anchor: '2026-11-23' });
      expect(readPeriod(`${HF}?week=2026-W53`)).to.deep.equal({ period: 'week', anchor: '2026-12-28' });
      expect(readPeriod(`${HF}?month=2026-11`)).to.deep.equal({ period: 'month', anchor: '2026-11-01' });
    });

    it('ignores missing or junk parameters', () => {
      expect(readPeriod(HF)).to.equal(undefined);
      expect(readPeriod(`${HF}?date=yesterday`)).to.equal(undefined);
      expect(readPeriod(`${HF}?week=2027-W53`)).to.equal(undefined); // 2027 has 52 weeks
      expect(readPeriod(`${HF}?month=2026-13`)).to.equal(undefined);
      expect(readPeriod('not a url')).to.equal(undefined);
    });
  });

  describe('shiftPeriod', () => {
    it('moves one day, week or month back and forth', () => {
      expect(shiftPeriod({ period: 'day', anchor: '2026-03-01' }, -1)).to.deep.equal({ period: 'day', anchor: '2026-02-28' });
      expect(shiftPeriod({ period: 'day', anchor: '2026-12-31' }, 1)).to.deep.equal({ period: 'day', anchor: '2027-01-01' });
      expect(shiftPeriod({ period: 'week', anchor: '2026-11-27' }, -1)).to.deep.equal({ period: 'week', anchor: '2026-11-16' });
      expect(shiftPeriod({ period: 'week', anchor: '2026-01-01' }, -1)).to.deep.equal({ period: 'week', anchor: '2025-12-22' });
      expect(shiftPeriod({ period: 'month', anchor: '2026-03-31' }, -1)).to.deep.equal({ period: 'month', anchor: '2026-02-01' });
      expect(shiftPeriod({ period: 'month', anchor: '2026-12-15' }, 1)).to.deep.equal({ period: 'month', anchor: '2027-01-01' });
    });

    it('round-trips through the URL', () => {
      const back = shiftPeriod({ period: 'week', anchor: '2026-11-27' }, -1);
      expect(periodParam(back)).to.deep.equal(['week', '2026-W47']);
    });
  });

  describe('calendar helpers', () => {
    it('finds the start of a period', () => {
      expect(periodStart({ period: 'week', anchor: '2026-11-29' })).to.equal('2026-11-23');
      expect(periodStart({ period: 'month', anchor: '2026-11-29' })).to.equal('2026-11-01');
    });

    it('knows a future period', () => {
      expect(isFuture({ period: 'day', anchor: '2026-11-28' }, '2026-11-27')).to.equal(true);
      expect(isFuture({ period: 'week', anchor: '2026-11-29' }, '2026-11-27')).to.equal(false);
      expect(isFuture({ period: 'month', anchor: '2026-12-01' }, '2026-11-27')).to.equal(true);
    });

    it('gives the calendar numbers a label needs', () => {
      expect(periodParts({ period: 'week', anchor: '2026-11-27' })).to.deep.equal({
        year: 2026,
        month: 11,
        day: 23,
        week: 48,
        weekYear: 2026,
      });
    });

    it('validates days and reads today as the UTC day', () => {
      expect(isIsoDay('2024-02-29')).to.equal(true);
      expect(isIsoDay('2026-02-29')).to.equal(false);
      expect(isIsoDay(20261127)).to.equal(false);
      // Four-digit years from 0100: Date.UTC would read 0050 as 1950, and a five-digit year is no `YYYY`.
      for (const day of ['0000-01-01', '0050-03-01', '0099-12-31', '10000-01-01', '275760-09-13']) {
        expect(isIsoDay(day), day).to.equal(false);
      }
      expect(isIsoDay('0100-01-01')).to.equal(true);
      expect(readPeriod(`${HF}?month=0050-03`), 'not month=1950-03').to.equal(undefined);
      expect(readPeriod(`${HF}?date=0050-03-04`)).to.equal(undefined);
      expect(todayIso(new Date('2026-11-27T23:59:00Z'))).to.equal('2026-11-27');
      expect(todayIso(new Date('2026-11-28T00:01:00Z'))).to.equal('2026-11-28');
    });
  });

  describe('hf-urls (the request URLs the list asks for)', () => {
    const page = 'https://blog.example/posts/';

    it('recognises the daily-papers API, relative to the page or absolute, and never throws', () => {
      expect(isHfDailyPapersSrc(HF, undefined)).to.equal(true);
      expect(isHfDailyPapersSrc('/api/daily_papers', 'https://huggingface.co/papers')).to.equal(true);
      expect(isHfDailyPapersSrc('/api/daily_papers', page)).to.equal(false);
      expect(isHfDailyPapersSrc('feed.json', undefined), 'relative, with no base (a server)').to.equal(false);
      expect(isHfDailyPapersSrc(undefined, page)).to.equal(false);
      expect(isHfDailyPapersSrc('http://[bad', page)).to.equal(false);
    });

    it('reads the period a src asks for', () => {
      expect(hfSrcPeriod(`${HF}?date=2026-11-27`, undefined)).to.deep.equal({ period: 'day', anchor: '2026-11-27' });
      expect(hfSrcPeriod('feed.json?month=2026-11', page)).to.deep.equal({ period: 'month', anchor: '2026-11-01' });
      expect(hfSrcPeriod(HF, undefined)).to.equal(undefined);
      expect(hfSrcPeriod('feed.json?month=2026-11', undefined)).to.equal(undefined);
    });

    it('builds the URL for a period, and leaves src as written without one or when it cannot be read', () => {
      const week = { period: 'week', anchor: '2026-11-27' } as const;
      expect(hfRequestUrl(`${HF}?date=2026-11-01&p=2&limit=5`, undefined, week)).to.equal(`${HF}?limit=5&week=2026-W48`);
      expect(hfRequestUrl('feed.json', page, week)).to.equal(`${page}feed.json?week=2026-W48`);
      expect(hfRequestUrl('feed.json', undefined, week)).to.equal('feed.json');
      expect(hfRequestUrl(HF, undefined, undefined)).to.equal(HF);
    });
  });
});
