// JSX typings for Preact: `import type {} from 'paperfeed/preact';` once in your app.
import type { PaperfeedIntrinsicElements } from './elements.js';

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends PaperfeedIntrinsicElements {}
  }
}
