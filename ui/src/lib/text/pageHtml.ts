// An imported page's original, as the backend sanitised it, made safe a second time before it is
// shown: parsed with DOMParser (an inert document: its scripts never run, its images never
// load), then rebuilt from a whitelist of structure and inline formatting. Links become inert
// text with their target as a tooltip, so nothing can navigate the window; images become their
// alt text, so nothing is fetched. The webview never receives the page as HTML.

import { type NodeLike, parsedBody, rebuild } from './rebuild';

/** Elements shown as themselves; they carry no attributes. */
const KEPT = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'figure', 'figcaption', 'hr', 'br', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'kbd',
  'samp', 'q', 'cite', 'abbr', 'dfn', 'div', 'span',
] as const;
export type PageTag = (typeof KEPT)[number];

/** Page regions shown as plain blocks: the reader's own landmarks must stay the only ones. */
const AS_DIV = new Set(['article', 'section', 'header', 'footer', 'main', 'nav', 'aside']);

/** Content that is never text for the reader (the backend drops it too). */
const DROPPED = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'head', 'title', 'audio', 'video', 'canvas', 'textarea', 'select', 'button', 'noembed', 'noframes',
]);

export interface PageElement {
  tag: PageTag;
  /** `link`: a link's words (its target in `href`, shown, never followed); `image`: an image's alt text. */
  kind: 'link' | 'image' | null;
  href: string | null;
  children: PageNode[];
}

export type PageNode = string | PageElement;

/** An absolute http(s) URL to show as a link's tooltip; anything else is not shown. */
function shownTarget(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Rebuilds the children of `node` from the whitelist; unknown elements are unwrapped to their contents. */
export function pageNodes(node: NodeLike): PageNode[] {
  return rebuild<PageElement>(node, DROPPED, (child, name, children) => {
    if (name === 'img') {
      const alt = child.getAttribute?.('alt')?.trim();
      return alt ? { tag: 'span', kind: 'image', href: null, children: [alt] } : [];
    }
    if (name === 'a') return { tag: 'span', kind: 'link', href: shownTarget(child.getAttribute?.('href')), children: children() };
    if (AS_DIV.has(name)) return { tag: 'div', kind: null, href: null, children: children() };
    if ((KEPT as readonly string[]).includes(name)) return { tag: name as PageTag, kind: null, href: null, children: children() };
    return children();
  });
}

/** Parses a sanitised page (scripts never run, images never load there) and rebuilds it. */
export function sanitizePageHtml(html: string): PageNode[] {
  return pageNodes(parsedBody(html));
}
