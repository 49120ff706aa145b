// A complete Cloudflare Worker: the paperfeed feed proxy. Deploy with `npx wrangler deploy`
// (see wrangler.toml and the README's "Deploy a proxy"). Then, on any page:
//   <paperfeed-list src="https://export.arxiv.org/api/query?search_query=cat:cs.CL&max_results=30"
//                   proxy="https://paperfeed-proxy.<you>.workers.dev/?url={url}"></paperfeed-list>
import { createProxy } from 'paperfeed/proxy';

export default createProxy({
  // The feed hosts this proxy may fetch (matched on the name, any port). Keep it short: every
  // host here can be fetched by anyone who knows your proxy's address.
  allow: ['huggingface.co', 'export.arxiv.org', 'rss.arxiv.org', 'arxiv.org'],
  // The pages allowed to read the answers. '*' lets any site embed your proxy; list your own
  // origins to keep your upstream quota for yourself, e.g. ['https://blog.example'].
  origins: '*',
  // A contact in the User-Agent is what arXiv asks of automated clients.
  userAgent: 'paperfeed-proxy (+https://blog.example/contact)',
});
