// `import { loadFeed } from 'paperfeed/feed'`: the data layer alone, no elements.
export * from './feed/index.js';
