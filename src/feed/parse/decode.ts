// Bytes of a feed body → text. The encoding comes from, in order: a byte order mark (UTF-8,
// UTF-16 LE/BE, UTF-32 LE/BE: a BOM is never wrong), the Content-Type's `charset`, the layout of the
// first bytes (`<?xml` written in UTF-16/32 without a BOM) and the `encoding` of the XML declaration,
// else UTF-8. A label TextDecoder does not know falls back to UTF-8.
//
// Windows-1252 repair: C1 control characters (U+0080–U+009F) have no business in a feed's text, and
// in practice they are always Windows-1252 punctuation written by a tool that took it for Latin-1
// (`don\u0092t` for "don’t"; feedparser's demoronize tests). They are mapped to what Windows-1252
// means by those bytes, as feedparser does. The five code points Windows-1252 leaves undefined stay.

/** Windows-1252's characters for 0x80–0x9F ('' where it defines none). */
export const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** `text` with its C1 control characters read as Windows-1252 (see above). Linear, no regex backtracking. */
export function repairC1(text: string): string {
  let out: string[] | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || code > 0x9f) continue;
    out ??= [];
    out.push(text.slice(from, i), CP1252[code - 0x80]);
    from = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(from));
  return out.join('');
}

/** Encoding label from a BOM, with the BOM's length. */
function fromBom(b: Uint8Array): [string, number] | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return ['utf-8', 3];
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return ['utf-32le', 4];
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return ['utf-32be', 4];
  if (b[0] === 0xff && b[1] === 0xfe) return ['utf-16le', 2];
  if (b[0] === 0xfe && b[1] === 0xff) return ['utf-16be', 2];
  return undefined;
}

/** `<` (or `<?`) in UTF-16/32 without a BOM, from the zero bytes around it (XML 1.0 appendix F). */
function fromLayout(b: Uint8Array): string | undefined {
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 0x3c) return 'utf-32be';
  if (b[0] === 0x3c && b[1] === 0 && b[2] !== 0) return 'utf-16le';
  if (b[0] === 0 && b[1] === 0x3c) return 'utf-16be';
  return undefined;
}

function declared(head: Uint8Array): string | undefined {
  let ascii = '';
  for (let i = 0; i < Math.min(head.length, 200); i++) ascii += String.fromCharCode(head[i]);
  return /^\s*<\?xml[^>]*encoding=["']([^"']+)/.exec(ascii)?.[1];
}

function charsetOf(contentType: string): string | undefined {
  return /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1];
}

/** Decodes a body chunk by chunk (`decode(chunk, true)` until the last one), like TextDecoder. */
export interface BodyDecoder {
  decode(chunk: Uint8Array | undefined, stream: boolean): string;
}

/**
 * A decoder for a body whose first bytes are `head` (the first chunk of a stream is enough) served
 * with `contentType`. The BOM is dropped.
 */
export function decoderFor(contentType: string, head: Uint8Array = new Uint8Array()): BodyDecoder {
  const bom = fromBom(head);
  let label = bom?.[0];
  if (!label) {
    const layout = fromLayout(head);
    const charset = charsetOf(contentType)?.toLowerCase();
    // A charset of utf-16/32 without the matching layout is wrong about the bytes, and vice versa.
    label = layout ?? (charset && !/^utf-?(16|32)/.test(charset) ? charset : undefined) ?? declared(head);
    if (!layout && label && /^utf-?(16|32)/i.test(label)) label = 'utf-8';
  }
  if (label && /^utf-?32/i.test(label)) return utf32(/be$/i.test(label) || (!/le$/i.test(label) && head[0] === 0), bom ? bom[1] : 0);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label && /^utf-?16$/i.test(label) ? (head[0] === 0 ? 'utf-16be' : 'utf-16le') : label);
  } catch {
    decoder = new TextDecoder();
  }
  return { decode: (chunk, stream) => repairC1(decoder.decode(chunk, { stream })) };
}

/** TextDecoder knows no UTF-32 (the Encoding Standard dropped it): read code points by hand. */
function utf32(bigEndian: boolean, skip: number): BodyDecoder {
  let rest = new Uint8Array();
  return {
    decode(chunk, stream) {
      let bytes = chunk ?? new Uint8Array();
      if (rest.length) {
        const joined = new Uint8Array(rest.length + bytes.length);
        joined.set(rest);
        joined.set(bytes, rest.length);
        bytes = joined;
      }
      const start = skip;
      skip = 0;
      const end = start + Math.floor((bytes.length - start) / 4) * 4;
      rest = stream ? bytes.slice(end) : new Uint8Array();
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const parts: string[] = [];
      for (let i = start; i < end; i += 4) {
        const code = view.getUint32(i, !bigEndian);
        parts.push(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd');
      }
      return repairC1(parts.join(''));
    },
  };
}

/** The whole body as text (see `decoderFor`). */
export function decodeBody(bytes: Uint8Array, contentType = ''): string {
  return decoderFor(contentType, bytes.subarray(0, 200)).decode(bytes, false);
}
