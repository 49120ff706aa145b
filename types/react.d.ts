// JSX typings for React 19: `import type {} from 'paperfeed/react';` once in your app.
import type { PaperfeedIntrinsicElements } from './elements.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends PaperfeedIntrinsicElements {}
  }
}
