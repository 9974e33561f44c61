// Tests the UI's sanitiser of an original page: the whitelist walk over parsed nodes, inert links
// and images, and the original view's store over the fake backend.

import { describe, expect, it } from 'vitest';
import { pageNodes } from '../../src/lib/text/pageHtml';
import { body, el, text } from './nodes';
import { createFakeBackend } from '../../src/ipc/fakeBackend';
import { OriginalStore } from '../../src/lib/stores/original.svelte';

/** Every tag, attribute and URL a hostile page could carry, flattened to one string. */
const dump = (value: unknown) => JSON.stringify(value);

describe('original page sanitiser', () => {
  it('keeps the article and drops everything that runs, loads or navigates', () => {
    const tree = pageNodes(
      body(
        el('script', {}, text("window.__pwned = 'script'")),
        el('style', {}, text('body { background: url(http://127.0.0.1:9/bg.png) }')),
        el(
          'article',
          { onclick: 'x()' },
          el('h1', { onmouseover: 'x()', style: 'color: red' }, text('Russia and North Korea open a bridge')),
          el('p', {}, text('The bridge opened on '), el('time', { datetime: '2025-03-14' }, text('Friday')), text('.')),
          el('img', { src: 'http://127.0.0.1:9/bridge.jpg', srcset: 'http://127.0.0.1:9/2x.jpg 2x', alt: 'Trucks at the bridge', onerror: 'x()' }),
          el('img', { src: 'http://127.0.0.1:9/pixel.gif', alt: '' }),
          el('iframe', { src: 'http://127.0.0.1:9/frame.html' }, text('frame fallback')),
          el('svg', {}, el('script', {}, text("window.__pwned = 'svg'"))),
          el('form', { action: 'http://127.0.0.1:9/submit' }, el('input', { name: 'q' }), el('button', {}, text('Go'))),
        ),
      ),
    );
    expect(tree).toEqual([
      {
        tag: 'div',
        kind: null,
        href: null,
        children: [
          { tag: 'h1', kind: null, href: null, children: ['Russia and North Korea open a bridge'] },
          { tag: 'p', kind: null, href: null, children: ['The bridge opened on Friday.'] },
          { tag: 'span', kind: 'image', href: null, children: ['Trucks at the bridge'] },
        ],
      },
    ]);
  });

  it('turns links into inert words with only an http(s) target to show', () => {
    const tree = pageNodes(
      body(
        el('a', { href: 'https://example.org/treaty', onclick: 'x()' }, text('the treaty')),
        el('a', { href: "javascript:window.__pwned='link'" }, text('share')),
        el('a', { href: 'data:text/html,<script>alert(1)</script>' }, text('download')),
        el('a', { href: '/relative' }, text('there')),
      ),
    );
    expect(tree.map((n) => (typeof n === 'string' ? n : [n.kind, n.href]))).toEqual([
      ['link', 'https://example.org/treaty'],
      ['link', null],
      ['link', null],
      ['link', null],
    ]);
    const shown = dump(tree);
    for (const piece of ['javascript:', 'data:', '/relative', '__pwned']) expect(shown).not.toContain(piece);
  });

  it('never lets an unknown or dangerous tag through, only its text', () => {
    const tree = pageNodes(body(el('marquee', {}, text('moving '), el('blink', {}, text('words'))), el('object', { data: 'x.swf' }, text('flash'))));
    expect(tree).toEqual(['moving words']);
  });
});

describe('OriginalStore', () => {
  it('reads the open article’s original once and forgets it for another article', async () => {
    const backend = createFakeBackend();
    const report = await backend.importSample();
    const id = report.outcomes[0]!.article_id!;
    const store = new OriginalStore(backend);
    await store.load(id);
    expect(store.current?.article_id).toBe(id);
    expect(store.current?.content.kind).toBe('text');
    expect(store.loading).toBe(false);
    store.clear();
    expect(store.current).toBeNull();
    await store.load('fake-404');
    expect(store.error).toContain('fake-404');
  });
});
