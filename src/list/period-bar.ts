import { html, type TemplateResult } from 'lit';
import { PERIODS, type Period } from '../feed/hf/period.js';
import type { PeriodController } from './controllers/period.js';
import { periodLabel } from './period-label.js';
import type { PaperfeedListStrings } from './strings.js';

/**
 * The Hugging Face day / week / month bar: view buttons (`aria-pressed`), Previous, the period's
 * label, and Next (aria-disabled at the newest period, so a focused button keeps focus).
 */
export function periodBar(period: PeriodController, s: PaperfeedListStrings, locale: string): TemplateResult {
  const current = period.current;
  const pressed = current?.period ?? 'day';
  const label = current ? periodLabel(current, locale, s.weekLabel) : s.latest;
  const newest = period.atNewest;
  const names: Record<Period, string> = { day: s.day, week: s.week, month: s.month };
  return html`<div part="periods" class="periods" role="group" aria-label=${s.periods}>
    <div class="views">
      ${PERIODS.map(
        (view) =>
          html`<button
            type="button"
            part="button"
            aria-pressed=${pressed === view ? 'true' : 'false'}
            @click=${() => period.choose(view)}
          >
            ${names[view]}
          </button>`,
      )}
    </div>
    <div class="steps">
      <button type="button" part="button" class="previous" @click=${() => period.step(-1)}>${s.previous}</button>
      <span part="period-label" class="period-label">${label}</span>
      <button
        type="button"
        part="button"
        class="next"
        aria-disabled=${newest ? 'true' : 'false'}
        @click=${() => newest || period.step(1)}
      >
        ${s.next}
      </button>
    </div>
  </div>`;
}
