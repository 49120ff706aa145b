import { html, type TemplateResult } from 'lit';
import type { CardStrings } from '../card/paperfeed-card.js';
import type { Paper } from '../feed/paper.js';
import { CARD_PARTS } from './attributes.js';

/** What every card of a list shares: its variant, heading level, theme and reader features. */
export interface CardOptions {
  variant: string;
  level: number;
  theme: string;
  aiSummary: boolean;
  cite: boolean;
  save: boolean;
  math: boolean;
}

/**
 * One `<li>` with its `<paperfeed-card>` per paper. Cards past the first `eager` (the skeletons that
 * fit in a screen) skip layout and paint until scrolled near (class `later`: content-visibility, see
 * the styles). Each card sets its own color-scheme, so the list's theme reaches it explicitly.
 */
export function cardItems(
  papers: readonly Paper[],
  eager: number,
  card: CardOptions,
  strings: Partial<CardStrings>,
  isNew: (paper: Paper) => boolean,
): TemplateResult[] {
  return papers.map(
    (paper, i) =>
      html`<li tabindex="-1" class=${i < eager ? '' : 'later'}>
        <paperfeed-card
          part="item"
          exportparts=${CARD_PARTS}
          variant=${card.variant}
          heading-level=${card.level}
          theme=${card.theme}
          ?ai-summary=${card.aiSummary}
          ?cite=${card.cite} ?save=${card.save} ?math=${card.math} ?new=${isNew(paper)}
          .paper=${paper}
          .strings=${strings}
        ></paperfeed-card>
      </li>`,
  );
}
