// A paper's identifiers (arXiv id, DOI): shared by the citations (bibtex.ts) and the metadata every
// card carries (metadata.ts), kept apart so a card without Cite does not load the citation code.
import type { Paper } from '../feed/paper.js';
import { arxivIdFrom } from '../feed/arxiv/ids.js';

/** The arXiv id of a paper, from its id, arXiv link, page or PDF link; undefined for other papers. */
export function arxivIdOf(paper: Pick<Paper, 'id' | 'arxivUrl' | 'url' | 'pdfUrl'>): string | undefined {
  for (const value of [paper.arxivUrl, paper.id, paper.url, paper.pdfUrl]) {
    const id = arxivIdFrom(value);
    if (id) return id;
  }
  return undefined;
}

/** The arXiv DOI (DataCite registers `10.48550/arXiv.<id>` for every arXiv paper). */
export const arxivDoi = (id: string): string => `10.48550/arXiv.${id}`;

/** A DOI named by the paper's id or page (`10.1234/x`, `https://doi.org/10.1234/x`). */
export function doiOf(paper: Pick<Paper, 'id' | 'url'>): string | undefined {
  for (const value of [paper.id, paper.url]) {
    const match = value && /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)?(10\.\d{4,9}\/\S+)$/i.exec(value.trim());
    if (match) return decodeURIComponent(match[1]);
  }
  return undefined;
}

