// The baseline for the render benchmark: a hand-written plain-DOM renderer of the same fields a
// <paperfeed-card> shows (thumbnail, linked title, first authors + "N more", organization, date,
// upvotes, comments, clamped abstract, keywords, arXiv/PDF/Code/project links), with comparable CSS.
// No framework, no shadow DOM, no sanitising beyond what is fair (links go through the same safeUrl).
// Injected into bench pages as a classic script: defines `window.plainRender(papers, container)`.
export const plainRendererScript = `
(() => {
  const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const link = (href, text) => {
    const a = el('a', '', text);
    a.href = href;
    return a;
  };
  window.plainRender = (papers, container, safeUrl) => {
    const list = el('ul', 'plain-list');
    for (const paper of papers) {
      const item = el('li');
      const card = el('article', 'plain-card');
      const thumb = safeUrl(paper.thumbnail);
      if (thumb) {
        const img = el('img', 'plain-thumb');
        img.src = thumb;
        img.alt = 'Thumbnail: ' + paper.title;
        img.width = 640;
        img.height = 360;
        img.loading = 'lazy';
        img.decoding = 'async';
        card.append(img);
      }
      const heading = el('h3', 'plain-title');
      const href = safeUrl(paper.url);
      heading.append(href ? link(href, paper.title) : paper.title);
      card.append(heading);
      const names = paper.authors.map((a) => a.name);
      const more = Math.max(paper.authorCount, names.length) - Math.min(names.length, 3);
      card.append(el('p', 'plain-authors', names.slice(0, 3).join(', ') + (more > 0 ? ' + ' + more + ' more' : '')));
      const meta = el('p', 'plain-meta');
      if (paper.organization) meta.append(el('span', '', paper.organization.name));
      if (paper.publishedAt) {
        const time = el('time', '', dateFormat.format(new Date(paper.publishedAt)));
        time.dateTime = paper.publishedAt;
        meta.append(' ', time);
      }
      if (paper.upvotes !== undefined) meta.append(' ', el('span', '', '▲ ' + paper.upvotes));
      if (paper.comments !== undefined) meta.append(' ', el('span', '', '💬 ' + paper.comments));
      card.append(meta);
      card.append(el('p', 'plain-summary', paper.summary));
      if (paper.tags.length) {
        const tags = el('ul', 'plain-tags');
        for (const tag of paper.tags) tags.append(el('li', '', tag));
        card.append(tags);
      }
      const links = el('ul', 'plain-links');
      for (const [key, label] of [['arxivUrl', 'arXiv'], ['pdfUrl', 'PDF'], ['codeUrl', 'Code'], ['projectUrl', 'Project page']]) {
        const url = safeUrl(paper[key]);
        if (url) {
          const li = el('li');
          li.append(link(url, label));
          links.append(li);
        }
      }
      card.append(links);
      item.append(card);
      list.append(item);
    }
    container.append(list);
  };
})();
`;

export const plainRendererCss = `
.plain-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }
.plain-card { border: 1px solid #ddd; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.5rem; }
.plain-thumb { width: 100%; height: auto; aspect-ratio: 16 / 9; object-fit: cover; border-radius: 0.5rem; }
.plain-title { margin: 0; font-size: 1.0625rem; }
.plain-authors, .plain-meta { margin: 0; color: #555; font-size: 0.875rem; }
.plain-summary { margin: 0; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.plain-tags, .plain-links { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.plain-tags li { border: 1px solid #ddd; border-radius: 999px; padding: 0 0.5rem; font-size: 0.8125rem; }
`;
