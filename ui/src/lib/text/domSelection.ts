// Reads the DOM selection inside the reader as a span of article chars (see selection.ts for the
// arithmetic). Paragraphs are the <p data-start data-end> elements ParagraphView renders.

import type { Span } from '../../ipc/bindings/Span';
import { type Boundary, spanBetween } from './selection';

const PARAGRAPH = 'p[data-start]';

/** The article span selected within `root`, or null for no selection or one outside the text. */
export function selectedSpan(selection: Selection | null, root: Element): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const paragraphs = [...root.querySelectorAll<HTMLElement>(PARAGRAPH)].filter((p) => range.intersectsNode(p));
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];
  if (!first || !last) return null;
  // An end outside any paragraph (in a ¶ number, the header) stands for the edge of the nearest
  // selected paragraph.
  const from = boundaryAt(range.startContainer, range.startOffset) ?? edge(first, 'start');
  const to = boundaryAt(range.endContainer, range.endOffset) ?? edge(last, 'end');
  return spanBetween(from, to);
}

function boundaryAt(node: Node, offset: number): Boundary | null {
  const element = node instanceof Element ? node : node.parentElement;
  const p = element?.closest<HTMLElement>(PARAGRAPH);
  if (!p) return null;
  const before = document.createRange();
  before.selectNodeContents(p);
  before.setEnd(node, offset);
  return { text: p.textContent ?? '', start: Number(p.dataset.start), units: before.toString().length };
}

function edge(p: HTMLElement, side: 'start' | 'end'): Boundary {
  const text = p.textContent ?? '';
  return { text, start: Number(p.dataset.start), units: side === 'start' ? 0 : text.length };
}
