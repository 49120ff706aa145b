// Splits a JSON array that arrives in pieces into the source text of its elements, so each one can
// be parsed (JSON.parse) as soon as it is complete instead of after the whole body. Only the
// top-level structure is tracked: strings (with their escapes) and bracket depth. Each element's own
// syntax is left to JSON.parse; together, elements that parse, single commas between them and
// nothing but whitespace around the brackets are exactly a valid JSON array.

/** Fed text chunks in order, it returns every element completed by each one. */
export interface ArraySplitter {
  /** The source text of the elements this chunk completed (each may carry JSON whitespace around it). */
  push(chunk: string): string[];
  /** After the last chunk: true when the text was one well-formed top-level array. */
  end(): boolean;
}

const SPACE = /\s/;
const JSON_SPACE = /^[ \t\n\r]*$/;

/** A splitter for a body that should be a top-level JSON array (anything else makes `end()` false). */
export function splitJsonArray(): ArraySplitter {
  // Stage: 0 before '[', 1 inside (depth ≥ 1: the array itself is depth 1), 2 after ']', 3 not an array.
  let state = { stage: 0, depth: 0, inString: false, escaped: false };
  let count = 0;
  let pending = '';

  return {
    push(chunk) {
      const out: string[] = [];
      let start = 0;
      /** Ends the element before `end`; false when it is empty (only whitespace). */
      const take = (end: number): boolean => {
        const text = pending + chunk.slice(start, end);
        pending = '';
        start = end + 1;
        if (JSON_SPACE.test(text)) return false;
        out.push(text);
        return !!++count;
      };
      // A plain loop over char codes on local variables: twice as fast as a regex jumping between
      // special characters (11 MB HF feed in 64 KB chunks, Node 20: 36 vs 81 ms, < 1 ms per chunk).
      let { stage, depth, inString, escaped } = state;
      for (let i = 0; i < chunk.length && stage < 3; i++) {
        const c = chunk.charCodeAt(i);
        if (stage !== 1) {
          // Around the array only whitespace may appear (what parseBody's trim() removes).
          if (SPACE.test(chunk[i])) continue;
          if (stage === 2 || c !== 0x5b) stage = 3;
          else [stage, depth, start] = [1, 1, i + 1];
        } else if (escaped) {
          escaped = false;
        } else if (inString) {
          if (c === 0x5c) escaped = true; // backslash
          else if (c === 0x22) inString = false;
        } else if (c === 0x22) {
          inString = true;
        } else if (c === 0x5b || c === 0x7b) {
          depth++; // [ {
        } else if (c === 0x2c) {
          // A comma with no element before it (`[,` or `,,`) is not JSON.
          if (depth === 1 && !take(i)) stage = 3;
        } else if ((c === 0x5d || c === 0x7d) && --depth === 0) {
          // `[]` is the empty array; `[1,]` (nothing after a comma) and `[1}` are not JSON.
          stage = c === 0x5d && (take(i) || !count) ? 2 : 3;
        }
      }
      state = { stage, depth, inString, escaped };
      if (stage === 1) pending += chunk.slice(start);
      return out;
    },
    end: () => state.stage === 2,
  };
}
