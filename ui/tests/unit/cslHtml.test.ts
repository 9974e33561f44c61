// Tests the sanitiser of citeproc HTML: whitelist walk over parsed nodes, style filtering.

import { describe, expect, it } from 'vitest';
import { plainText, safeStyle, sanitizeNodes, toHtml } from '../../src/lib/text/cslHtml';
import { body, comment, el, text } from './nodes';

describe('citeproc HTML sanitiser', () => {
  it('keeps the whitelisted formatting of a Chicago entry', () => {
    const tree = sanitizeNodes(
      body(el('div', { class: 'csl-entry' }, text('Kim, “'), el('i', {}, text('Title')), text(',” '), el('span', { style: 'font-variant:small-caps' }, text('Paper')), el('sup', {}, text('1')))),
    );
    expect(tree).toEqual([
      {
        tag: 'div',
        className: 'csl-entry',
        style: null,
        children: [
          'Kim, “',
          { tag: 'i', className: null, style: null, children: ['Title'] },
          ',” ',
          { tag: 'span', className: null, style: 'font-variant: small-caps', children: ['Paper'] },
          { tag: 'sup', className: null, style: null, children: ['1'] },
        ],
      },
    ]);
    expect(plainText(tree)).toBe('Kim, “Title,” Paper1');
  });

  it('drops scripts and styles, unwraps unknown elements and strips every other attribute', () => {
    const tree = sanitizeNodes(
      body(
        el('script', {}, text('alert(1)')),
        el('style', {}, text('body{}')),
        el('a', { href: 'javascript:alert(1)' }, text('link '), el('b', { onclick: 'x()' }, text('bold'))),
        el('img', { src: 'https://example.com/x.png', onerror: 'x()' }),
        comment('hidden'),
        el('div', { class: 'evil csl-bib-body', style: 'background:url(x)' }, text('d')),
      ),
    );
    expect(tree).toEqual([
      'link ',
      { tag: 'b', className: null, style: null, children: ['bold'] },
      { tag: 'div', className: null, style: null, children: ['d'] },
    ]);
    expect(toHtml(tree)).toBe('link <b>bold</b><div>d</div>');
  });

  it('keeps only keyword font styles', () => {
    expect(safeStyle('font-style: italic; color: red; font-weight:bold')).toBe('font-style: italic; font-weight: bold');
    expect(safeStyle('font-style: url(javascript:x)')).toBeNull();
    expect(safeStyle('font-style: expression(alert(1))')).toBeNull();
    expect(safeStyle('background: red')).toBeNull();
    expect(safeStyle(null)).toBeNull();
  });

  it('escapes text when serialising for the clipboard', () => {
    expect(toHtml(['<script>&"'])).toBe('&lt;script&gt;&amp;&quot;');
  });
});

describe('style classes', () => {
  it('turns kept declarations into classes, as the CSP forbids inline styles', async () => {
    const { styleClasses } = await import('../../src/lib/text/cslHtml');
    expect(styleClasses({ tag: 'span', style: 'font-style: italic; font-variant: small-caps', className: null, children: [] })).toBe(
      'csl-font-style-italic csl-font-variant-small-caps',
    );
    expect(styleClasses({ tag: 'div', style: null, className: 'csl-entry', children: [] })).toBe('csl-entry');
    expect(styleClasses({ tag: 'i', style: null, className: null, children: [] })).toBeNull();
  });
});
