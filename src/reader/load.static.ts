// The CDN build's stand-in for load.ts (see there): the same functions, with the modules bundled in.
// temml stays a chunk of its own, fetched by math.ts only for a text that holds math.
import * as actions from './actions.js';
import * as math from './math.js';

export const loadActions = (): Promise<typeof actions> => Promise.resolve(actions);
export const loadMath = (): Promise<typeof math> => Promise.resolve(math);
