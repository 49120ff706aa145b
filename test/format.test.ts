import { expect } from '@open-wc/testing';
import { now, setClock } from '../src/internal/clock.js';
import { formatCompact, formatDate, formatNumber, formatWhen, parseDate, plural } from '../src/internal/format.js';
import { fill, mergeStrings } from '../src/internal/strings.js';

const NOW = Date.parse('2024-10-31T12:00:00.000Z');

describe('format', () => {
  afterEach(() => setClock());

  it('writes compact numbers: "1.3k" in English, Intl form elsewhere', () => {
    expect(formatCompact(1300, 'en')).to.equal('1.3k');
    expect(formatCompact(999, 'en-US')).to.equal('999');
    expect(formatCompact(2_500_000, 'en')).to.equal('2.5M');
    expect(formatCompact(1300, 'fr')).to.equal('1,3\u00a0k');
  });

  it('writes whole numbers with the language grouping', () => {
    expect(formatNumber(1234, 'en')).to.equal('1,234');
    expect(formatNumber(1234, 'de')).to.equal('1.234');
  });

  it('falls back to the browser language for an invalid lang', () => {
    expect(() => formatNumber(1, 'not a language!')).not.to.throw();
    expect(formatNumber(1234, 'not a language!')).to.match(/^1\D?234$/);
  });

  it('picks plural templates by language', () => {
    expect(plural(1, 'en', 'one', 'other')).to.equal('one');
    expect(plural(2, 'en', 'one', 'other')).to.equal('other');
    expect(plural(0, 'fr', 'one', 'other')).to.equal('one');
  });

  it('writes recent dates relatively from the frozen clock, older ones as dates', () => {
    setClock(NOW);
    expect(now()).to.equal(NOW);
    const when = (iso: string, locale = 'en') => formatWhen(new Date(iso), locale).text;
    expect(when('2024-10-31T11:59:40Z')).to.equal('now');
    expect(when('2024-10-31T11:15:00Z')).to.equal('45 minutes ago');
    expect(when('2024-10-31T09:00:00Z')).to.equal('3 hours ago');
    expect(when('2024-10-30T00:00:00Z')).to.equal('yesterday');
    expect(when('2024-10-28T00:00:00Z')).to.equal('3 days ago');
    expect(when('2024-10-28T00:00:00Z', 'fr')).to.equal('il y a 3 jours');
    expect(when('2024-11-01T12:00:00Z')).to.equal('tomorrow');
    expect(when('2024-10-24T11:00:00Z')).to.equal('Oct 24, 2024');
    expect(formatWhen(new Date('2024-10-24T11:00:00Z'), 'en').isRelative).to.equal(false);
  });

  it('keeps the day of a date-only value in every time zone', () => {
    expect(formatDate(new Date('2024-09-01T00:00:00.000Z'), 'en')).to.equal('Sep 1, 2024');
    expect(formatDate(new Date('2024-09-01T00:00:00.000Z'), 'fr')).to.equal('1 sept. 2024');
  });

  it('parses ISO dates, refusing empty and invalid ones', () => {
    expect(parseDate('2024-10-28T00:00:00.000Z')!.toISOString()).to.equal('2024-10-28T00:00:00.000Z');
    expect(parseDate('')).to.equal(undefined);
    expect(parseDate('yesterday')).to.equal(undefined);
  });

  it('fills placeholders and merges string overrides safely', () => {
    expect(fill('+ {n} more', { n: 3 })).to.equal('+ 3 more');
    expect(fill('{unknown} stays', {})).to.equal('{unknown} stays');
    const defaults = { a: 'A', b: 'B' };
    expect(mergeStrings(defaults, { a: 'x', b: 7, c: 'extra' })).to.deep.equal({ a: 'x', b: 'B' });
    expect(mergeStrings(defaults, null)).to.deep.equal(defaults);
  });
});
