// `import paperfeed from 'paperfeed/eleventy'` (Node, Eleventy 3): fetches feeds while the site
// builds and writes the papers into the page, through paperfeed/ssr's renderList.
//
//   eleventyConfig.addPlugin(paperfeed, { limit: 10 });
//   {% paperfeed src="https://huggingface.co/api/daily_papers" limit=10 %}   (Liquid, .md/.html)
//   {% paperfeed src="https://…" limit=10 %} or with commas                    (Nunjucks)
//   ${await this.paperfeed({ src: 'https://…', limit: 10 })}                 (11ty.js)
import { renderList, type RenderListOptions } from '../ssr/index.js';

/** Plugin options: defaults for every shortcode (any `renderList` option but `src`), and the shortcode's name. */
export interface PaperfeedEleventyOptions extends Partial<Omit<RenderListOptions, 'src'>> {
  /** Name of the shortcode and Liquid tag. Default `paperfeed`. */
  name?: string;
}

/** The parts of Eleventy's config API the plugin uses. */
interface EleventyConfig {
  addLiquidTag(name: string, factory: (engine: LiquidEngine) => LiquidTag): void;
  addNunjucksTag(name: string, factory: (nunjucks: NunjucksLib) => NunjucksExtension): void;
  addJavaScriptFunction(name: string, fn: (...args: unknown[]) => Promise<string>): void;
}
// The parts of Nunjucks' extension API the tag uses.
interface NunjucksNode {
  typename?: string;
  value?: unknown;
  left?: NunjucksNode;
  right?: NunjucksNode;
  children: NunjucksNode[];
  addChild(node: NunjucksNode): void;
}
interface NunjucksNodes {
  NodeList: new (line: number, col: number) => NunjucksNode;
  KeywordArgs: new (line: number, col: number) => NunjucksNode;
  Pair: new (line: number, col: number, key: NunjucksNode, value: NunjucksNode) => NunjucksNode;
  Literal: new (line: number, col: number, value: string) => NunjucksNode;
  CallExtensionAsync: new (extension: NunjucksExtension, method: string, args: NunjucksNode) => NunjucksNode;
}
interface NunjucksToken {
  value: string;
  lineno: number;
  colno: number;
}
interface NunjucksParser {
  nextToken(): NunjucksToken;
  skip(type: string): boolean;
  skipValue(type: string, value: string): boolean;
  parseExpression(): NunjucksNode & { lineno: number; colno: number };
  fail(message: string, line?: number, col?: number): never;
}
interface NunjucksLexer {
  TOKEN_BLOCK_END: string;
  TOKEN_COMMA: string;
  TOKEN_OPERATOR: string;
}
interface NunjucksLib {
  runtime: { SafeString: new (html: string) => unknown };
}
interface NunjucksExtension {
  tags: string[];
  parse(parser: NunjucksParser, nodes: NunjucksNodes, lexer: NunjucksLexer): NunjucksNode;
  run(context: { ctx?: Record<string, unknown> }, ...args: unknown[]): void;
}
interface LiquidEngine {
  evalValue(expression: string, context: unknown): unknown;
}
interface LiquidTag {
  parse(this: { pairs?: [string, string][] }, token: { args: string }): void;
  render(this: { pairs?: [string, string][] }, context: { getAll?(): Record<string, unknown> }): Generator<unknown, string, unknown>;
}

const ATTRIBUTES: Record<string, keyof RenderListOptions> = {
  'heading-level': 'headingLevel',
  'no-toolbar': 'noToolbar',
  'no-periods': 'noPeriods',
  'max-age': 'maxAge',
  'on-error': 'onError',
};
// `key=value` (Liquid, Jekyll style): a quoted string, or a literal / variable Liquid evaluates.
const PAIR = /([A-Za-z][\w-]*)\s*=\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,]+)/g;

/** Shortcode arguments as renderList options: attribute names (`heading-level`) or option names (`headingLevel`). */
function toOptions(args: Record<string, unknown>): Partial<RenderListOptions> {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (key === '__keywords' || value === undefined) continue;
    options[ATTRIBUTES[key] ?? key] = value;
  }
  return options;
}

/** The key of a Nunjucks `key=value` pair: a name, or a hyphenated attribute name (parsed as a subtraction). */
function keyName(node: NunjucksNode): string | undefined {
  if (node.typename === 'Symbol' && typeof node.value === 'string') return node.value;
  if (node.typename === 'Sub' && node.left && node.right) {
    const left = keyName(node.left);
    const right = keyName(node.right);
    return left && right ? `${left}-${right}` : undefined;
  }
  return undefined;
}

/**
 * Eleventy plugin: registers the `paperfeed` shortcode for Liquid, Nunjucks and JavaScript
 * templates. A feed that fails during the build renders the list's error state and a build
 * warning (`onError: 'throw'` fails the build instead); the reader's browser tries again.
 */
export default function paperfeed(eleventyConfig: EleventyConfig, defaults: PaperfeedEleventyOptions = {}): void {
  const { name = 'paperfeed', ...base } = defaults;

  async function shortcode(args: Partial<RenderListOptions>, data?: Record<string, unknown>): Promise<string> {
    const options = { onError: 'render' as const, ...base, ...args } as RenderListOptions;
    // The page's language (Eleventy's i18n data, or a `lang` in the data cascade) for dates and numbers.
    const page = data?.page as { lang?: unknown } | undefined;
    const lang = options.lang ?? (typeof data?.lang === 'string' ? data.lang : typeof page?.lang === 'string' ? page.lang : undefined);
    if (typeof options.src !== 'string' || !options.src) throw new Error(`[paperfeed] {% ${name} %} needs a src: {% ${name} src="https://…" %}`);
    const html = await renderList({ ...options, lang });
    if (html.includes('state="error"')) {
      console.warn(`[paperfeed] ${options.src} could not be read during the build; the page shows the error and readers' browsers try again.`);
    }
    // Markdown ends an HTML block at a blank line: the element's HTML has none (blank lines in its
    // styles and text render the same without them).
    return html.replace(/\n[ \t]*(?=\n)/g, '').replace(/\n{2,}/g, '\n');
  }

  eleventyConfig.addLiquidTag(name, (engine) => ({
    parse(token) {
      this.pairs = [...token.args.matchAll(PAIR)].map((m) => [m[1], m[2]]);
    },
    *render(context) {
      const args: Record<string, unknown> = {};
      for (const [key, expression] of this.pairs ?? []) args[key] = yield engine.evalValue(expression, context);
      return (yield shortcode(toOptions(args), context.getAll?.())) as string;
    },
  }));
  // Nunjucks: keyword arguments with or without commas (`src="…", limit=10` as Nunjucks writes them,
  // `src="…" limit=10` as in Liquid), or the URL first (`{% paperfeed "https://…", limit=10 %}`).
  eleventyConfig.addNunjucksTag(name, (nunjucks) => {
    const extension: NunjucksExtension = {
      tags: [name],
      parse(parser, nodes, lexer) {
        const start = parser.nextToken();
        const args = new nodes.NodeList(start.lineno, start.colno);
        const keywords = new nodes.KeywordArgs(start.lineno, start.colno);
        while (!parser.skip(lexer.TOKEN_BLOCK_END)) {
          if (parser.skip(lexer.TOKEN_COMMA)) continue;
          const arg = parser.parseExpression();
          if (parser.skipValue(lexer.TOKEN_OPERATOR, '=')) {
            // `heading-level=3` reads as `heading - level`: the attribute's name again.
            const key = keyName(arg);
            if (!key) return parser.fail(`{% ${name} %}: write key=value pairs (src="…" limit=10)`, arg.lineno, arg.colno);
            keywords.addChild(new nodes.Pair(arg.lineno, arg.colno, new nodes.Literal(arg.lineno, arg.colno, key), parser.parseExpression()));
          }
          else args.addChild(arg);
        }
        if (keywords.children.length) args.addChild(keywords);
        return new nodes.CallExtensionAsync(extension, 'run', args);
      },
      run(context, ...rest) {
        const done = rest.pop() as (error: unknown, result?: unknown) => void;
        const keywords = (rest.find((arg) => typeof arg === 'object' && arg !== null) ?? {}) as Record<string, unknown>;
        const src = typeof rest[0] === 'string' ? { src: rest[0] } : {};
        shortcode(toOptions({ ...keywords, ...src }), context.ctx).then(
          (html) => done(null, new nunjucks.runtime.SafeString(html)),
          (error) => done(error),
        );
      },
    };
    return extension;
  });
  eleventyConfig.addJavaScriptFunction(name, async function (this: { ctx?: Record<string, unknown>; page?: unknown }, args: unknown) {
    return shortcode(toOptions((args ?? {}) as Record<string, unknown>), this.ctx ?? { page: this.page });
  });
}

export { paperfeed };
