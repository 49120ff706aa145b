// Feed bodies made from a list of simple paper specs, one writer per wire format. Plain JavaScript
// with no imports, so the same code runs in Node (the fault routes, bench/ servers) and in the browser
// (tests import it through the dev server). Types: feeds.d.mts.
//
// The writers escape properly for their format (JSON.stringify, XML character escaping, CDATA split
// at "]]>"): a payload always arrives at the parser as the exact string given, which is what the XSS
// corpus needs. `raw` fields are the exception: written into the XML unescaped, for well-formed XML
// fragments that test the parser's side (an XHTML <script> inside a <description>).

/** Papers `2611.10000`, `2611.10001`, ... with every field the adapters read filled in. */
export function makePapers(count, { prefix = 'Paper', origin = '', start = 0 } = {}) {
  const papers = [];
  for (let i = start; i < start + count; i++) {
    const id = `2611.${String(10000 + i)}`;
    papers.push({
      id,
      title: `${prefix} ${i + 1}: learning to read feeds`,
      summary: `Abstract of ${prefix.toLowerCase()} ${i + 1}. We study how feeds are read and rendered; results follow.`,
      authors: [`Ada Lovelace ${i}`, 'Alan Turing', 'Grace Hopper'],
      publishedAt: new Date(Date.UTC(2026, 10, 27) - i * 3_600_000).toISOString(),
      upvotes: (i * 7) % 300,
      comments: i % 5,
      tags: ['feeds', `topic-${i % 10}`],
      // Same-origin when an origin is given, so a page under `img-src 'self'` loads it and no test
      // ever reaches the real network.
      thumbnail: origin ? `${origin}/__fault/pixel.png?${i}` : undefined,
      organization: 'Example Lab',
      codeUrl: `https://github.com/example/paper-${i}`,
      projectUrl: `https://example.org/paper-${i}`,
      comment: '12 pages, 4 figures',
      category: 'cs.LG',
    });
  }
  return papers;
}

const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an XML text node or attribute value. XML 1.0 cannot carry NUL and most C0 controls at all, so they are dropped. */
export function xmlEscape(value) {
  return String(value)
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A CDATA section holding exactly `value` (a "]]>" inside is split across two sections). */
export function cdata(value) {
  return `<![CDATA[${String(value).replace(XML_INVALID, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** An RFC 822 date for RSS; a string that is no date is written as given (escaped). */
function rfc822(value) {
  const time = Date.parse(value);
  return xmlEscape(Number.isNaN(time) ? value : new Date(time).toUTCString());
}

/** Either the escaped text, or `raw` verbatim when the spec carries a raw XML fragment for this field. */
function xmlText(paper, field) {
  const raw = paper.raw?.[field];
  if (raw !== undefined) return raw;
  return paper.cdata ? cdata(paper[field] ?? '') : xmlEscape(paper[field] ?? '');
}

/** Hugging Face `/api/daily_papers`: an array of `{ paper: {...}, title, summary, thumbnail, ... }`. */
export function hfJson(papers) {
  return JSON.stringify(
    papers.map((p) => ({
      paper: {
        id: p.id,
        title: p.title,
        summary: p.summary,
        authors: p.authors.map((name, i) => ({ _id: `a${i}`, name, hidden: false, user: p.authorUser ? { user: p.authorUser } : undefined })),
        publishedAt: p.publishedAt,
        upvotes: p.upvotes,
        githubRepo: p.codeUrl,
        githubStars: 1234,
        projectPage: p.projectUrl,
        ai_summary: p.aiSummary ?? p.summary,
        ai_keywords: p.tags,
        organization: p.organization ? { _id: 'o1', name: p.orgHandle ?? 'example-lab', fullname: p.organization, avatar: p.orgAvatar ?? p.thumbnail } : undefined,
        submittedOnDailyBy: { _id: 'u1', user: p.submitterHandle ?? 'someone', fullname: p.submitter ?? 'Some One', avatarUrl: p.submitterAvatar ?? p.thumbnail },
      },
      title: p.title,
      summary: p.summary,
      thumbnail: p.thumbnail,
      numComments: p.comments,
      publishedAt: p.publishedAt,
      submittedBy: { _id: 'u1', name: p.submitterHandle ?? 'someone', fullname: p.submitter ?? 'Some One', avatarUrl: p.submitterAvatar ?? p.thumbnail },
      organization: p.organization ? { _id: 'o1', name: p.orgHandle ?? 'example-lab', fullname: p.organization, avatar: p.orgAvatar ?? p.thumbnail } : undefined,
    })),
  );
}

/** JSON Feed 1.1. */
export function jsonFeed(papers, { title = 'Example papers', homePage = 'https://example.org/' } = {}) {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: homePage,
    items: papers.map((p) => ({
      id: p.guid ?? `https://arxiv.org/abs/${p.id}`,
      url: p.url ?? `https://example.org/papers/${p.id}`,
      external_url: p.externalUrl ?? `https://arxiv.org/abs/${p.id}`,
      title: p.title,
      content_html: p.summaryHtml ?? `<p>${p.summary.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      summary: p.summary,
      image: p.thumbnail,
      banner_image: p.banner ?? p.thumbnail,
      date_published: p.publishedAt,
      authors: p.authors.map((name) => ({ name, url: p.authorUrl, avatar: p.thumbnail })),
      tags: p.tags,
    })),
  });
}

/** Generic RSS 2.0 with the abstract in a CDATA description (what most blogs send). */
export function rss(papers, { title = 'Example papers' } = {}) {
  const items = papers
    .map(
      (p) => `
    <item>
      <title>${xmlText(p, 'title')}</title>
      <link>${xmlEscape(p.url ?? `https://example.org/papers/${p.id}`)}</link>
      <guid isPermaLink="false">${xmlEscape(p.guid ?? `urn:paper:${p.id}`)}</guid>
      <description>${p.raw?.summary ?? cdata(p.summaryHtml ?? p.summary)}</description>
      <pubDate>${rfc822(p.publishedAt)}</pubDate>
      ${p.authors.map((a) => `<dc:creator>${xmlEscape(a)}</dc:creator>`).join('')}
      <author>${xmlEscape(p.authorEmail ?? 'noreply@example.org (Example)')}</author>
      ${p.tags.map((t) => `<category>${xmlEscape(t)}</category>`).join('')}
      <comments>${xmlEscape(p.commentsUrl ?? `https://example.org/papers/${p.id}#comments`)}</comments>
      ${p.thumbnail ? `<enclosure url="${xmlEscape(p.thumbnail)}" type="image/png" length="1"/>` : ''}
      ${p.thumbnail ? `<media:thumbnail url="${xmlEscape(p.thumbnail)}"/>` : ''}
    </item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xmlEscape(title)}</title>
    <link>https://example.org/</link>
    <description>${xmlEscape(title)}</description>${items}
  </channel>
</rss>`;
}

/** arXiv's RSS (rss.arxiv.org/rss/cs.LG): comma-separated dc:creator, "Announce Type" preamble in the description. */
export function arxivRss(papers) {
  const items = papers
    .map(
      (p) => `
    <item>
      <title>${xmlText(p, 'title')}</title>
      <link>${xmlEscape(p.url ?? `https://arxiv.org/abs/${p.id}`)}</link>
      <description>${p.raw?.summary ?? xmlEscape(`arXiv:${p.id}v1 Announce Type: new \nAbstract: ${p.summary}`)}</description>
      <guid isPermaLink="false">oai:arXiv.org:${xmlEscape(p.id)}v1</guid>
      ${p.tags.map((t) => `<category>${xmlEscape(t)}</category>`).join('')}
      <pubDate>${rfc822(p.publishedAt)}</pubDate>
      <arxiv:announce_type>new</arxiv:announce_type>
      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
      <dc:creator>${xmlEscape(p.authors.join(', '))}</dc:creator>
    </item>`,
    )
    .join('');
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    <title>cs.LG updates on arXiv.org</title>
    <link>http://rss.arxiv.org/rss/cs.LG</link>
    <description>cs.LG updates on the arXiv.org e-print archive.</description>
    <atom:link href="http://rss.arxiv.org/rss/cs.LG" rel="self" type="application/rss+xml"/>
    <language>en-us</language>${items}
  </channel>
</rss>`;
}

/** Generic Atom 1.0 with `type="html"` title, summary and content. */
export function atom(papers, { title = 'Example papers' } = {}) {
  const entries = papers
    .map(
      (p) => `
  <entry>
    <id>${xmlEscape(p.guid ?? `urn:paper:${p.id}`)}</id>
    <title type="html">${xmlText(p, 'title')}</title>
    <updated>${xmlEscape(p.publishedAt)}</updated>
    <published>${xmlEscape(p.publishedAt)}</published>
    <summary type="html">${p.raw?.summary ?? xmlEscape(p.summaryHtml ?? p.summary)}</summary>
    <content type="html">${xmlEscape(p.summaryHtml ?? p.summary)}</content>
    ${p.authors.map((a) => `<author><name>${xmlEscape(a)}</name>${p.authorUrl ? `<uri>${xmlEscape(p.authorUrl)}</uri>` : ''}</author>`).join('')}
    <link rel="alternate" type="text/html" href="${xmlEscape(p.url ?? `https://example.org/papers/${p.id}`)}"/>
    <link rel="related" title="pdf" type="application/pdf" href="${xmlEscape(p.pdfUrl ?? `https://example.org/papers/${p.id}.pdf`)}"/>
    ${p.thumbnail ? `<link rel="enclosure" type="image/png" href="${xmlEscape(p.thumbnail)}"/>` : ''}
    ${p.tags.map((t) => `<category term="${xmlEscape(t)}" label="${xmlEscape(t)}"/>`).join('')}
  </entry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xmlEscape(title)}</title>
  <id>urn:example:feed</id>
  <updated>2026-11-27T00:00:00Z</updated>
  <link rel="self" href="https://example.org/feed.atom"/>${entries}
</feed>`;
}

/** arXiv API (`export.arxiv.org/api/query`): Atom with arxiv: and opensearch: extensions. */
export function arxivAtom(papers) {
  const entries = papers
    .map(
      (p) => `
  <entry>
    <id>${xmlEscape(p.url ?? `http://arxiv.org/abs/${p.id}v1`)}</id>
    <updated>${xmlEscape(p.publishedAt)}</updated>
    <published>${xmlEscape(p.publishedAt)}</published>
    <title>${xmlText(p, 'title')}</title>
    <summary>${p.raw?.summary ?? xmlEscape(`  ${p.summary}\n`)}</summary>
    ${p.authors.map((a) => `<author><name>${xmlEscape(a)}</name>${p.affiliation ? `<arxiv:affiliation>${xmlEscape(p.affiliation)}</arxiv:affiliation>` : ''}</author>`).join('')}
    <arxiv:comment>${xmlEscape(p.comment ?? '')}</arxiv:comment>
    ${p.doi ? `<arxiv:doi>${xmlEscape(p.doi)}</arxiv:doi>` : ''}
    <link href="${xmlEscape(p.url ?? `http://arxiv.org/abs/${p.id}v1`)}" rel="alternate" type="text/html"/>
    <link title="pdf" href="${xmlEscape(p.pdfUrl ?? `http://arxiv.org/pdf/${p.id}v1`)}" rel="related" type="application/pdf"/>
    ${p.doiUrl ? `<link title="doi" href="${xmlEscape(p.doiUrl)}" rel="related"/>` : ''}
    <arxiv:primary_category term="${xmlEscape(p.category ?? p.tags[0] ?? 'cs.LG')}" scheme="http://arxiv.org/schemas/atom"/>
    ${p.tags.map((t) => `<category term="${xmlEscape(t)}" scheme="http://arxiv.org/schemas/atom"/>`).join('')}
  </entry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <link href="http://arxiv.org/api/query?search_query=cat:cs.LG" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=cat:cs.LG</title>
  <id>http://arxiv.org/api/example</id>
  <updated>2026-11-27T00:00:00-05:00</updated>
  <opensearch:totalResults>${papers.length}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <opensearch:itemsPerPage>${papers.length}</opensearch:itemsPerPage>${entries}
</feed>`;
}

/** The writers by name, with the content type a real server sends. */
export const FORMATS = {
  hf: { write: hfJson, type: 'application/json; charset=utf-8' },
  jsonfeed: { write: jsonFeed, type: 'application/feed+json; charset=utf-8' },
  rss: { write: rss, type: 'application/rss+xml; charset=utf-8' },
  atom: { write: atom, type: 'application/atom+xml; charset=utf-8' },
  'arxiv-atom': { write: arxivAtom, type: 'application/atom+xml; charset=utf-8' },
  'arxiv-rss': { write: arxivRss, type: 'application/rss+xml; charset=utf-8' },
};

/** `{ body, type }` for a format name (unknown names read as `hf`). */
export function feedBody(format, papers, options) {
  const entry = FORMATS[format] ?? FORMATS.hf;
  return { body: entry.write(papers, options), type: entry.type };
}
