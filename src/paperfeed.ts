// Registers all three elements: the entry of the CDN file dist/paperfeed.min.js.
import './card/define.js';
import './list/define.js';
import './subscribe/define.js';

export * from './index.js';
