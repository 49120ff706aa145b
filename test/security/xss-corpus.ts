// Hostile strings for the XSS tests, written for paperfeed in the spirit of OWASP's XSS filter-evasion
// cheat sheet: script tags, event handlers, SVG/MathML, dangerous URL schemes with case, whitespace,
// control-character and entity tricks, CSS, template-expression injection, markup breakouts and
// XML/CDATA breakouts.
//
// Every payload that would run code sets the global flag instead of opening a dialog:
// `window.__xss = 1` (or `parent.__xss`/`top.__xss` from a frame), or calls `alert`/`confirm`/`prompt`,
// which the tests also hook to set the flag. Scripts loaded by URL point at 127.0.0.1:9 (a closed,
// browser-blocked loopback port), so no payload can reach the network.

export interface XssPayload {
  /** What the payload tries, for the failure message. */
  name: string;
  value: string;
}

const FLAG = 'window.__xss=1';
// `<script>parent.__xss=1</script>` in base64, for data: URLs that would open a document.
const B64_SCRIPT = btoa('<script>parent.__xss=1</script>');
const B64_SVG = btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="parent.__xss=1"/>`);
/** "javascript:" spelled as decimal, hex and padded numeric character references. */
const JS_DEC = [...'javascript:'].map((c) => `&#${c.charCodeAt(0)};`).join('');
const JS_HEX_NOSEMI = [...'javascript:'].map((c) => `&#x${c.charCodeAt(0).toString(16)}`).join('');
const JS_DEC_PADDED = [...'javascript:'].map((c) => `&#000${c.charCodeAt(0)}`).join('');
const FLAG_DEC = [...FLAG].map((c) => `&#${c.charCodeAt(0)};`).join('');

export const xssPayloads: XssPayload[] = [
  // ── script elements ──
  { name: 'plain script', value: `<script>${FLAG}</script>` },
  { name: 'script calling alert', value: `<script>alert(1)</script>` },
  { name: 'mixed-case script with src', value: `<ScRiPt SRC=//127.0.0.1:9/xss.js></sCrIpT>` },
  { name: 'script with junk after tag name', value: `<SCRIPT/XSS SRC="//127.0.0.1:9/xss.js"></SCRIPT>` },
  { name: 'script without closing tag', value: `<SCRIPT SRC=//127.0.0.1:9/.j>` },
  { name: 'extra open bracket', value: `<<SCRIPT>${FLAG};//\\<</SCRIPT>` },
  { name: 'nested tags to defeat strip filters', value: `<scr<script>ipt>${FLAG}</scr</script>ipt>` },
  { name: 'title breakout', value: `</TITLE><SCRIPT>${FLAG}</SCRIPT>` },
  { name: 'textarea/style breakout', value: `</textarea></style></noscript><script>${FLAG}</script>` },
  { name: 'double-quote attribute breakout', value: `"><script>${FLAG}</script>` },
  { name: 'single-quote attribute breakout', value: `' onmouseover='${FLAG}' x='` },
  { name: 'autofocus breakout', value: `" autofocus onfocus="${FLAG}" x="` },
  { name: 'quotes inside img tag', value: `<IMG """><SCRIPT>${FLAG}</SCRIPT>">` },
  { name: 'unicode line separators before script', value: `\u2028\u2029<script>${FLAG}</script>` },
  { name: 'template element holding script', value: `<template><script>${FLAG}</script></template><div>` },

  // ── event handlers ──
  { name: 'img onerror', value: `<img src=x onerror="${FLAG}">` },
  { name: 'img onerror unquoted, unclosed', value: `<img src=x onerror=${FLAG}//` },
  { name: 'img onerror with decimal-entity code', value: `<img src=x onerror=${FLAG_DEC}>` },
  { name: 'img src=/ onerror', value: `<IMG SRC=/ onerror="alert(1)"></img>` },
  { name: 'onmouseover on img', value: `<IMG SRC=# onmouseover="${FLAG}">` },
  { name: 'body onload with punctuation in name', value: `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=${FLAG}>` },
  { name: 'details ontoggle', value: `<details open ontoggle=${FLAG}>` },
  { name: 'video source onerror', value: `<video><source onerror="${FLAG}"></video>` },
  { name: 'audio onerror', value: `<audio src=x onerror=${FLAG}>` },
  { name: 'unknown element onclick', value: `<x onclick=${FLAG}>click me</x>` },
  { name: 'input autofocus onfocus', value: `<input autofocus onfocus=${FLAG}>` },
  { name: 'marquee onstart', value: `<marquee onstart=${FLAG}>x</marquee>` },
  { name: 'comment breakout into img', value: `<!--<img src="--><img src=x onerror=${FLAG}//">` },
  { name: 'noscript mutation XSS', value: `<noscript><p title="</noscript><img src=x onerror=${FLAG}>">` },

  // ── SVG and MathML ──
  { name: 'svg onload', value: `<svg onload=${FLAG}>` },
  { name: 'svg with script', value: `<svg><script>${FLAG}</script></svg>` },
  { name: 'svg xlink:href javascript', value: `<svg><a xlink:href="javascript:${FLAG}"><text x="20" y="20">XSS</text></a></svg>` },
  { name: 'svg animate onbegin', value: `<svg><animate onbegin=${FLAG} attributeName=x dur=1s>` },
  { name: 'svg set onload', value: `<svg><set attributeName="onload" to="${FLAG}"/></svg>` },
  { name: 'mathml href', value: `<math href="javascript:${FLAG}">CLICKME</math>` },
  { name: 'mathml namespace confusion', value: `<math><mtext><table><mglyph><style><img src=x onerror=${FLAG}>` },
  { name: 'svg foreignObject', value: `<svg><foreignObject><iframe srcdoc="<script>parent.__xss=1</script>"></iframe></foreignObject></svg>` },

  // ── embedded documents ──
  { name: 'iframe javascript src', value: `<iframe src="javascript:top.__xss=1"></iframe>` },
  { name: 'iframe srcdoc', value: `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>` },
  { name: 'object data javascript', value: `<object data="javascript:${FLAG}"></object>` },
  { name: 'object scriptlet', value: `<object type="text/x-scriptlet" data="//127.0.0.1:9/scriptlet.html"></object>` },
  { name: 'embed data base64 html', value: `<embed src="data:text/html;base64,${B64_SCRIPT}">` },
  { name: 'form formaction javascript', value: `<form><button formaction=javascript:${FLAG}>X</button></form>` },
  { name: 'input type=image javascript', value: `<INPUT TYPE="IMAGE" SRC="javascript:${FLAG};">` },
  { name: 'isindex (obsolete) onerror', value: `<isindex type=image src=1 onerror=${FLAG}>` },
  { name: 'meta refresh javascript', value: `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:${FLAG};">` },
  { name: 'base href javascript', value: `<base href="javascript:${FLAG}//">` },
  { name: 'link stylesheet javascript', value: `<LINK REL="stylesheet" HREF="javascript:${FLAG};">` },

  // ── dangerous URLs (as whole field values: these target href/src) ──
  { name: 'javascript: URL', value: `javascript:${FLAG}` },
  { name: 'JaVaScRiPt: mixed case', value: `JaVaScRiPt:${FLAG}` },
  { name: 'javascript: with leading spaces, tab, newline', value: ` \t\n javascript:${FLAG}` },
  { name: 'javascript: with leading C0 controls', value: `\u0001\u0002\u000e javascript:${FLAG}` },
  { name: 'tab inside scheme', value: `java\tscript:${FLAG}` },
  { name: 'newline inside scheme', value: `java\nscript:${FLAG}` },
  { name: 'carriage return inside scheme', value: `java\rscript:${FLAG}` },
  { name: 'NUL inside scheme', value: `java\u0000script:${FLAG}` },
  { name: 'javascript: as decimal entities', value: `${JS_DEC}${FLAG}` },
  { name: 'javascript: as hex entities without semicolons', value: `${JS_HEX_NOSEMI}${FLAG}` },
  { name: 'javascript: as zero-padded decimal entities', value: `${JS_DEC_PADDED}${FLAG}` },
  { name: 'javascript: with &colon; entity', value: `javascript&colon;${FLAG}` },
  { name: 'javascript: with tab entity', value: `jav&#x09;ascript:${FLAG}` },
  { name: 'javascript: with newline entity', value: `jav&#x0A;ascript:${FLAG}` },
  { name: 'javascript: with &#14; prefix', value: ` &#14;  javascript:${FLAG};` },
  { name: 'vbscript: URL', value: `vbscript:msgbox("XSS")` },
  { name: 'VBSCRIPT: upper case', value: `VBSCRIPT:${FLAG}` },
  { name: 'data: text/html', value: `data:text/html,<script>${FLAG}</script>` },
  { name: 'data: text/html base64', value: `data:text/html;base64,${B64_SCRIPT}` },
  { name: 'data: svg base64', value: `data:image/svg+xml;base64,${B64_SVG}` },
  { name: 'DaTa: mixed case with spaces', value: `  DaTa:text/html,<script>${FLAG}</script>` },
  { name: 'protocol-relative URL', value: `//127.0.0.1:9/protocol-relative.js` },
  { name: 'backslash host', value: `\\\\127.0.0.1:9\\x` },
  { name: 'http URL with markup in it', value: `https://example.org/"><script>${FLAG}</script>` },
  { name: 'img src javascript (tag)', value: `<IMG SRC="javascript:${FLAG};">` },
  { name: 'img src backtick javascript', value: `<IMG SRC=\`javascript:${FLAG}\`>` },
  { name: 'img src javascript decimal entities (tag)', value: `<IMG SRC=${JS_DEC}${FLAG}>` },
  { name: 'img srcset javascript', value: `<img srcset="javascript:${FLAG} 1x, x 2x">` },
  { name: 'anchor javascript with spaces', value: `<a href="  javascript:${FLAG}">x</a>` },
  { name: 'anchor javascript&colon;', value: `<a href="javascript&colon;${FLAG}">x</a>` },

  // ── CSS ──
  { name: 'style attribute url(javascript:)', value: `<div style="background-image: url(javascript:${FLAG})">x</div>` },
  { name: 'style attribute expression()', value: `<div style="width: expression(${FLAG});">x</div>` },
  { name: 'style element @import javascript', value: `<STYLE>@import'javascript:${FLAG}';</STYLE>` },
  { name: 'style list-style-image', value: `<STYLE>li {list-style-image: url("javascript:${FLAG}");}</STYLE><UL><LI>XSS</br>` },
  { name: 'bare CSS expression', value: `x{width:expression(${FLAG})}` },
  { name: 'bare CSS url()', value: `url("javascript:${FLAG}")` },

  // ── template expressions (Lit, Angular, Vue, ERB, JS template literals) ──
  { name: 'JS template literal', value: `\${${FLAG}}` },
  { name: 'Angular constructor escape', value: `{{constructor.constructor('${FLAG}')()}}` },
  { name: 'Angular $on escape', value: `{{$on.constructor('${FLAG}')()}}` },
  { name: 'Vue/Mustache expression', value: `{{ _c.constructor('${FLAG}')() }}` },
  { name: 'Ruby/Pug interpolation', value: `#{${FLAG}}` },
  { name: 'ERB/JSP expression', value: `<%= ${FLAG} %>` },
  { name: 'Lit marker lookalike', value: `<?lit$1234$>${FLAG}<!--?lit$1234$-->` },

  // ── encodings that a double-decoding renderer would turn into markup ──
  { name: 'pre-escaped script', value: `&lt;script&gt;${FLAG}&lt;/script&gt;` },
  { name: 'percent-encoded script', value: `%3Cscript%3E${FLAG}%3C/script%3E` },
  { name: 'UTF-7 data URL', value: `data:text/html;charset=utf-7,+ADw-script+AD4-${FLAG}+ADw-/script+AD4-` },

  // ── XML / CDATA ──
  { name: 'CDATA breakout', value: `]]><script>${FLAG}</script><![CDATA[` },
  { name: 'CDATA breakout into XHTML script', value: `]]><script xmlns="http://www.w3.org/1999/xhtml">${FLAG}</script>` },
  { name: 'entity declaration', value: `<!DOCTYPE x [<!ENTITY xss "<script>${FLAG}</script>">]>&xss;` },
];

/**
 * Well-formed XML fragments written UNESCAPED into the XML formats' title and summary elements
 * (the attack on the parser's side: real elements in a feed item, not text that looks like them).
 */
export const rawXmlPayloads: XssPayload[] = [
  { name: 'XHTML script element', value: `Raw <script xmlns="http://www.w3.org/1999/xhtml">${FLAG}</script> title` },
  { name: 'XHTML img onerror', value: `Raw <img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="${FLAG}"/> title` },
  { name: 'SVG onload', value: `Raw <svg xmlns="http://www.w3.org/2000/svg" onload="${FLAG}"/> title` },
  { name: 'CDATA holding a script', value: `<![CDATA[<script>${FLAG}</script>]]>` },
  { name: 'XHTML iframe', value: `Raw <iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:top.__xss=1"/> title` },
];
