// `import 'paperfeed/subscribe.js'`: registers <paperfeed-subscribe> and exports its class.
import './subscribe/define.js';

export * from './subscribe/paperfeed-subscribe.js';
