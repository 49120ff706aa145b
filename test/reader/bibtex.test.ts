import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { bibtexName, citationKey, escapeTex, texField, toBibtex, toPlainCitation } from '../../src/reader/bibtex.js';
import { paper, papersOf } from './helpers.js';

/** Reads an entry back: type, key and fields (values with their braces balanced). */
function parseBibtex(entry: string): { type: string; key: string; fields: Record<string, string> } {
  const head = /^@(\w+)\{([^,\s]+),\n/.exec(entry);
  if (!head) throw new Error(`not an entry: ${entry}`);
  const fields: Record<string, string> = {};
  let i = head[0].length;
  while (i < entry.length) {
    const name = /^\s*(\w+)=\{/.exec(entry.slice(i));
    if (!name) break;
    i += name[0].length;
    let depth = 1;
    let j = i;
    for (; j < entry.length && depth; j++) {
      if (entry[j] === '\\') j++;
      else if (entry[j] === '{') depth++;
      else if (entry[j] === '}') depth--;
    }
    fields[name[1]] = entry.slice(i, j - 1);
    i = j;
    if (entry[i] === ',') i++;
  }
  expect(entry.slice(i).trim(), 'entry ends after its fields').to.equal('}');
  return { type: head[1], key: head[2], fields };
}

describe('reader: BibTeX', () => {
  // Entries as arXiv's "Export BibTeX citation" writes them (@misc, eprint, archivePrefix,
  // primaryClass, url), with authors in BibTeX's "Last, First" form and our key rule.
  it('writes arXiv API papers as arXiv does', async () => {
    const [spectr, multi] = await papersOf('arxiv-api.atom.xml');
    expect(toBibtex(spectr)).to.equal(
      [
        '@misc{sun2023spectr,',
        '  title={SpecTr: Fast Speculative Decoding via Optimal Transport},',
        '  author={Sun, Ziteng and Suresh, Ananda Theertha and Ro, Jae Hun},',
        '  year={2023},',
        '  eprint={2310.15141},',
        '  archivePrefix={arXiv},',
        '  primaryClass={cs.LG},',
        '  url={https://arxiv.org/abs/2310.15141}',
        '}',
      ].join('\n'),
    );
    expect(toBibtex(multi)).to.equal(
      [
        '@misc{khisti2024multi,',
        '  title={Multi-Draft Speculative Sampling: Canonical Architectures and Theoretical Limits},',
        '  author={Khisti, Ashish and Ebrahimi, M. Reza},',
        '  year={2024},',
        '  eprint={2410.18234},',
        '  archivePrefix={arXiv},',
        '  primaryClass={cs.CL},',
        '  url={https://arxiv.org/abs/2410.18234}',
        '}',
      ].join('\n'),
    );
  });

  it('writes arXiv RSS papers with their primary class and an ASCII key', async () => {
    const [cascades] = await papersOf('arxiv-rss.xml');
    expect(toBibtex(cascades)).to.equal(
      [
        '@misc{okafor2025speculative,',
        '  title={Speculative Cascades for Parallel Decoding in Diffusion Language Models},',
        '  author={Okafor, Mira and Lindqvist, Tomás and Raman, Priya},',
        '  year={2025},',
        '  eprint={2511.04570},',
        '  archivePrefix={arXiv},',
        '  primaryClass={cs.CL},',
        '  url={https://arxiv.org/abs/2511.04570}',
        '}',
      ].join('\n'),
    );
  });

  it('gives Hugging Face papers the eprint but no primaryClass (HF keywords are not categories)', async () => {
    const [, budgets, hostile] = await papersOf('hf-daily-papers.json');
    const entry = parseBibtex(toBibtex(budgets));
    expect(entry.key).to.equal('takeda2025counting');
    expect(entry.fields).to.deep.equal({
      title: 'Counting What Matters: Token Budgets for Test-Time Scaling',
      author: 'Takeda, Jun and Hoffmann, Lena',
      year: '2025',
      eprint: '2511.03318',
      archivePrefix: 'arXiv',
      url: 'https://arxiv.org/abs/2511.03318',
    });
    expect(parseBibtex(toBibtex(hostile)).fields.title).to.equal('<img src=x onerror=alert(1)>Hostile Titles Stay Text');
  });

  it('writes a non-arXiv paper with its page URL, and keeps "Last, First" names', async () => {
    const [parscale, hogwild] = await papersOf('rss2.xml');
    expect(toBibtex(parscale)).to.equal(
      [
        '@misc{chen2025parallel,',
        '  title={Parallel Scaling Law for Language Models},',
        '  author={Chen, Mouxiang and Hui, Binyuan},',
        '  year={2025},',
        '  url={https://digest.example.com/posts/parscale}',
        '}',
      ].join('\n'),
    );
    expect(parseBibtex(toBibtex(hogwild)).key).to.equal('editor2025hogwild');
  });

  it('escapes TeX special characters and keeps balanced math', () => {
    expect(escapeTex('R&D 100% $5 #1 a_b {x} ~ ^ \\')).to.equal(
      'R\\&D 100\\% \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
    expect(texField('The $\\ell_p$-norm of $x^{2}$ & more')).to.equal('The $\\ell_p$-norm of $x^{2}$ \\& more');
    // An unbalanced brace in "math" is escaped like prose: it cannot end the field.
    expect(texField('Bad $x}$, title={pwned}')).to.equal('Bad \\$x\\}\\$, title=\\{pwned\\}');
  });

  it('marks a cut author list with "and others"', () => {
    const p = paper({ title: 'A Study', authors: [{ name: 'Ada Lovelace' }], authorCount: 12, publishedAt: '2024-01-01T00:00:00Z' });
    expect(parseBibtex(toBibtex(p)).fields.author).to.equal('Lovelace, Ada and others');
  });

  it('splits names with particles and suffixes', () => {
    expect(bibtexName('Ludwig van Beethoven')).to.equal('van Beethoven, Ludwig');
    expect(bibtexName('Martin Luther King Jr.')).to.equal('King, Jr., Martin Luther');
    expect(bibtexName('Plato')).to.equal('Plato');
    expect(bibtexName('Chen, Mouxiang')).to.equal('Chen, Mouxiang');
  });

  it('makes stable ASCII keys that skip stop words', () => {
    const p = paper({ title: 'On the Ψ of Élan: A Study', authors: [{ name: 'Zoë Ørsted' }], publishedAt: '2026-03-01T00:00:00Z' });
    expect(citationKey(p)).to.equal('orsted2026elan');
    expect(citationKey({ ...p })).to.equal(citationKey(p));
  });

  it('any title and author names give one well-formed entry with the same fields', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }), (title, names) => {
        const p = paper({ title: `T ${title}`, authors: names.filter((n) => n.trim()).map((name) => ({ name })), id: '2501.00001', publishedAt: '2025-01-01T00:00:00Z' });
        const entry = parseBibtex(toBibtex(p));
        expect(Object.keys(entry.fields)).to.include.members(['title', 'year', 'eprint', 'archivePrefix', 'url']);
        expect(entry.fields.eprint).to.equal('2501.00001');
        expect(entry.key).to.match(/^[a-z0-9]+$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reader: plain-text citation (APA 7)', () => {
  it('cites an arXiv paper with its arXiv DOI', async () => {
    const [cascades] = await papersOf('arxiv-rss.xml');
    expect(toPlainCitation(cascades)).to.equal(
      'Okafor, M., Lindqvist, T., & Raman, P. (2025). Speculative Cascades for Parallel Decoding in Diffusion Language Models (arXiv:2511.04570). arXiv. https://doi.org/10.48550/arXiv.2511.04570',
    );
    const [spectr] = await papersOf('arxiv-api.atom.xml');
    expect(toPlainCitation(spectr)).to.equal(
      'Sun, Z., Suresh, A. T., & Ro, J. H. (2023). SpecTr: Fast Speculative Decoding via Optimal Transport (arXiv:2310.15141). arXiv. https://doi.org/10.48550/arXiv.2310.15141',
    );
  });

  it('cites other papers with their page and no date as n.d.', () => {
    expect(toPlainCitation(paper({ title: 'Notes', authors: [{ name: 'Ada Lovelace' }], url: 'https://example.org/notes' }))).to.equal(
      'Lovelace, A. (n.d.). Notes. https://example.org/notes',
    );
  });
});
