// `import 'paperfeed/card.js'`: registers <paperfeed-card> and exports its class.
import './card/define.js';

export * from './card/paperfeed-card.js';
