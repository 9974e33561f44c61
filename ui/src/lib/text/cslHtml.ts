// citeproc's HTML output made safe to show: parsed (never assigned as innerHTML), then rebuilt
// from a tiny whitelist of inline formatting. Everything else keeps only its text.

import { type NodeLike, parsedBody, rebuild } from './rebuild';

/** An element the preview may render; its tag and style come from the whitelist only. */
export interface SafeElement {
  tag: SafeTag;
  /** Only font-style, font-variant and font-weight declarations, re-serialised. */
  style: string | null;
  /** Only `csl-entry`, on a div. */
  className: string | null;
  children: SafeNode[];
}

export type SafeNode = string | SafeElement;

const TAGS = ['i', 'b', 'em', 'strong', 'sup', 'sub', 'span', 'div'] as const;
export type SafeTag = (typeof TAGS)[number];

/** Content that is never text for the reader. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title']);
const STYLE_PROPS = new Set(['font-style', 'font-variant', 'font-weight']);
/** Keywords and weights only: no url(), expressions or escapes can pass. */
const STYLE_VALUE = /^(normal|italic|oblique|small-caps|bold|bolder|lighter|[1-9]00)$/;

/** Keeps the allowed declarations of a style attribute, or null if none. */
export function safeStyle(style: string | null | undefined): string | null {
  if (!style) return null;
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const prop = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim().toLowerCase();
    if (STYLE_PROPS.has(prop) && STYLE_VALUE.test(value)) kept.push(`${prop}: ${value}`);
  }
  return kept.length > 0 ? kept.join('; ') : null;
}

/** Rebuilds the children of `node` from the whitelist; unknown elements are unwrapped to their contents. */
export function sanitizeNodes(node: NodeLike): SafeNode[] {
  return rebuild<SafeElement>(node, DROPPED, (child, name, children) => {
    if (!(TAGS as readonly string[]).includes(name)) return children();
    const tag = name as SafeTag;
    const style = tag === 'span' ? safeStyle(child.getAttribute?.('style')) : null;
    const classes = (child.getAttribute?.('class') ?? '').split(/\s+/);
    const className = tag === 'div' && classes.includes('csl-entry') ? 'csl-entry' : null;
    return { tag, style, className, children: children() };
  });
}

/** Parses citeproc HTML (never assigned as innerHTML) and sanitises it. */
export function sanitizeCslHtml(html: string): SafeNode[] {
  return sanitizeNodes(parsedBody(html));
}

/** The text a sanitised tree shows: what the clipboard's text/plain gets. */
export function plainText(nodes: SafeNode[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : plainText(n.children))).join('');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** Serialises a sanitised tree back to HTML, for the clipboard's text/html. */
export function toHtml(nodes: SafeNode[]): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return escape(n);
      const style = n.style ? ` style="${escape(n.style)}"` : '';
      const cls = n.className ? ` class="${n.className}"` : '';
      return `<${n.tag}${cls}${style}>${toHtml(n.children)}</${n.tag}>`;
    })
    .join('');
}

/** What copying takes: HTML and its text. */
export interface Clip {
  html: string;
  text: string;
}

/** citeproc HTML fragments as the clipboard takes them: a sanitised paragraph each, and their text. */
export function richClip(fragments: string[]): Clip {
  const trees = fragments.map(sanitizeCslHtml);
  return { html: trees.map((t) => `<p>${toHtml(t)}</p>`).join(''), text: trees.map(plainText).join('\n\n') };
}

/** Plain text as HTML (escaped), for the clipboard's text/html when the format is not HTML. */
export function textToHtml(text: string): string {
  return escape(text);
}

/**
 * The classes standing for a sanitised style (`font-variant: small-caps` → `csl-font-variant-small-caps`):
 * the window's CSP allows no inline styles, so the preview shows them through app.css.
 */
export function styleClasses(node: SafeElement): string | null {
  const classes = (node.style ?? '')
    .split('; ')
    .filter((d) => d !== '')
    .map((d) => `csl-${d.replace(': ', '-')}`);
  if (node.className) classes.push(node.className);
  return classes.length > 0 ? classes.join(' ') : null;
}
