/** One start tag: its lower-case name and its attributes (first occurrence of a name wins, as in browsers). */
export interface HtmlTag {
  name: string;
  attributes: Map<string, string>;
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isNameChar = (code: number) => isLetter(code) || (code >= 48 && code <= 57) || code === 95;
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/**
 * The start tags of a page, read by a tokenizer that only moves forward: every character is looked at
 * a bounded number of times, so a hostile page (`<a<a<a…` without `>`) costs linear time. With
 * `wanted`, only those tags are yielded.
 */
export function* htmlTags(html: string, wanted?: ReadonlySet<string>): Generator<HtmlTag> {
  let pos = 0;
  while (pos < html.length) {
    const open = html.indexOf('<', pos);
    if (open < 0) return;
    let end = open + 1;
    while (end < html.length && isLetter(html.charCodeAt(end))) end++;
    if (end === open + 1 || (end < html.length && isNameChar(html.charCodeAt(end)))) {
      pos = end === open + 1 ? open + 1 : end;
      continue;
    }
    const close = html.indexOf('>', end);
    // No `>` anywhere after: no later tag can close either.
    if (close < 0) return;
    const name = html.slice(open + 1, end).toLowerCase();
    // Attributes are read only for the tags asked for: a page of ten thousand <div>s allocates nothing per tag.
    if (!wanted || wanted.has(name)) yield { name, attributes: attributesOf(html, end, close) };
    pos = close + 1;
  }
}

/** Attributes between `from` and `to` (exclusive), one forward pass. */
function attributesOf(html: string, from: number, to: number): Map<string, string> {
  const out = new Map<string, string>();
  let i = from;
  const skipSpace = () => {
    while (i < to && (isSpace(html.charCodeAt(i)) || html[i] === '/')) i++;
  };
  while (i < to) {
    skipSpace();
    const nameStart = i;
    while (i < to && !isSpace(html.charCodeAt(i)) && html[i] !== '=' && html[i] !== '/') i++;
    if (i === nameStart) break;
    const name = html.slice(nameStart, i).toLowerCase();
    while (i < to && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < to && isSpace(html.charCodeAt(i))) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        // Search only inside this tag: a quote left open must not send every tag to the end of the page.
        let stop = i + 1;
        while (stop < to && html[stop] !== quote) stop++;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < to && !isSpace(html.charCodeAt(i))) i++;
        value = html.slice(valueStart, i);
      }
    }
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}
