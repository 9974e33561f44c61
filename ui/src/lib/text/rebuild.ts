// The walk both of the UI's whitelists share (citeproc's HTML, an imported page's original):
// text is kept, with neighbouring runs joined; a dropped element goes with everything inside it;
// every other element becomes what the whitelist makes of it. Nothing is ever assigned as HTML.

/** The part of a DOM node the walk reads, so it runs on a parsed document or on test objects. */
export interface NodeLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?(name: string): string | null;
}

export type Tree<E> = (string | E)[];

/**
 * What a whitelist makes of an element `name`: an element of its own, or a list of nodes in its
 * place (`children()` to unwrap it, `[]` for nothing). `children()` rebuilds the element's
 * contents on demand.
 */
export type Make<E> = (node: NodeLike, name: string, children: () => Tree<E>) => E | Tree<E>;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Rebuilds the children of `node`; comments and other node kinds are left out. */
export function rebuild<E>(node: NodeLike, dropped: ReadonlySet<string>, make: Make<E>): Tree<E> {
  const out: Tree<E> = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      if (child.nodeValue) pushText(out, child.nodeValue);
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const name = child.nodeName.toLowerCase();
    if (dropped.has(name)) continue;
    const made = make(child, name, () => rebuild(child, dropped, make));
    if (!Array.isArray(made)) out.push(made);
    else for (const c of made) (typeof c === 'string' ? pushText(out, c) : out.push(c));
  }
  return out;
}

function pushText<E>(out: Tree<E>, text: string): void {
  const last = out[out.length - 1];
  if (typeof last === 'string') out[out.length - 1] = last + text;
  else out.push(text);
}

/** The body of `html` parsed by the browser's DOMParser: an inert document, whose scripts never run. */
export function parsedBody(html: string): NodeLike {
  return new DOMParser().parseFromString(html, 'text/html').body;
}
