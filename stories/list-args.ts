// What the list's story files share: the element's args and the controls that need options or a
// range (enumerations, numbers). A plain module, not a stories file: importing one stories file
// into another would make the Storybook test plugin run its stories twice.
import type { ArgTypes } from '@storybook/web-components-vite';
import type { CardStrings } from '../src/card/strings.js';
import type { Paper } from '../src/feed/paper.js';
import type { PaperfeedListStrings } from '../src/list/strings.js';

export interface ListArgs {
  src?: string;
  format: 'auto' | 'hf' | 'jsonfeed' | 'rss' | 'atom';
  layout: 'list' | 'grid' | 'compact';
  sort: 'feed' | 'date' | 'upvotes';
  query: string;
  limit: number;
  heading?: string;
  headingLevel: number;
  theme: 'auto' | 'light' | 'dark';
  noToolbar: boolean;
  noPeriods: boolean;
  lazy: boolean;
  timeout?: number;
  maxBytes?: number;
  proxy?: string;
  refresh?: number;
  date?: string;
  period?: 'day' | 'week' | 'month';
  periods: boolean;
  papers?: Paper[];
  strings: Partial<PaperfeedListStrings & CardStrings>;
  view?: 'feed' | 'saved';
  cite?: boolean;
  save?: boolean;
  math?: boolean;
  markNew?: boolean;
}

export const listArgTypes: Partial<ArgTypes<ListArgs>> = {
  src: { description: 'Feed URL. Stories answer it from local fixtures, never the network.' },
  format: { control: 'select', options: ['auto', 'hf', 'jsonfeed', 'rss', 'atom'] },
  layout: { control: 'inline-radio', options: ['list', 'grid', 'compact'] },
  sort: { control: 'inline-radio', options: ['feed', 'date', 'upvotes'] },
  limit: { control: { type: 'number', min: 1 } },
  headingLevel: { name: 'heading-level', control: { type: 'number', min: 1, max: 6 } },
  theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  timeout: { control: { type: 'number', min: 1 } },
  maxBytes: { name: 'max-bytes', control: { type: 'number', min: 1 } },
  refresh: { control: { type: 'number', min: 1 } },
  period: { control: 'inline-radio', options: ['day', 'week', 'month'] },
  view: { control: 'inline-radio', options: ['feed', 'saved'] },
};
