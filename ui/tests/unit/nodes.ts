// Parsed-DOM stand-ins for the whitelist walks' tests: text, elements with attributes, comments.

import type { NodeLike } from '../../src/lib/text/rebuild';

export const text = (value: string): NodeLike => ({ nodeType: 3, nodeName: '#text', nodeValue: value, childNodes: [] });
export const el = (name: string, attrs: Record<string, string>, ...children: NodeLike[]): NodeLike => ({
  nodeType: 1,
  nodeName: name.toUpperCase(),
  nodeValue: null,
  childNodes: children,
  getAttribute: (n) => attrs[n] ?? null,
});
export const comment = (value: string): NodeLike => ({ nodeType: 8, nodeName: '#comment', nodeValue: value, childNodes: [] });
export const body = (...children: NodeLike[]) => el('body', {}, ...children);
