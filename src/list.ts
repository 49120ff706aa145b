// `import 'paperfeed/list.js'`: registers <paperfeed-list> and exports its class.
import './list/define.js';

export * from './list/paperfeed-list.js';
