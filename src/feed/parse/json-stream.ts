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

/** A splitter for a body that should be a top-level JSON array (anything else makes `end()` false). */
export function splitJsonArray(): ArraySplitter {
  // 0 before '[', 1 inside (the array itself is depth 1), 2 after ']', 3 not an array.
  let stage = 0;
  let depth = 0;
  let quoted = false;
  let escaped = false;
  let count = 0;
  let pending = '';
  return {
    push(chunk) {
      const out: string[] = [];
      let start = 0;
      // Ends the element before `end`; false when it is empty (`[,`, `,,`, `,]` are not JSON).
      const take = (end: number): boolean => {
        const text = pending + chunk.slice(start, end);
        pending = '';
        start = end + 1;
        return !/^[ \t\n\r]*$/.test(text) && !!out.push(text) && !!++count;
      };
      // Character codes: " 34, comma 44, [ 91, backslash 92, ] 93, { 123, } 125.
      for (let i = 0; i < chunk.length && stage < 3; i++) {
        const c = chunk.charCodeAt(i);
        if (stage !== 1) {
          // Around the array only whitespace may appear (what parseBody's trim() removes).
          if (/\s/.test(chunk[i])) continue;
          stage = stage || c !== 91 ? 3 : 1;
          depth = 1;
          start = i + 1;
        } else if (escaped) {
          escaped = false;
        } else if (quoted) {
          if (c === 92) escaped = true;
          else if (c === 34) quoted = false;
        } else if (c === 34) {
          quoted = true;
        } else if (c === 91 || c === 123) {
          depth++;
        } else if (c === 44) {
          if (depth === 1 && !take(i)) stage = 3;
        } else if ((c === 93 || c === 125) && !--depth) {
          // `[]` is the empty array; `[1,]` and `[1}` are not JSON.
          stage = c === 93 && (take(i) || !count) ? 2 : 3;
        }
      }
      if (stage === 1) pending += chunk.slice(start);
      return out;
    },
    end: () => stage === 2,
  };
}
