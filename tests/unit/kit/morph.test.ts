import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { curvesChart, perLayerChart } from '../../../src/widgets/charts/index.ts';
import { morphInto, showChart } from '../../../src/widgets/kit/morph.ts';
import { renderChart } from '../../../src/widgets/kit/plot.ts';

const { document } = parseHTML('<!doctype html><html><body><div id="host"></div></body></html>');

/** A loss curve after `n` steps: the chart a training figure redraws many times a second. */
const loss = (n: number) =>
  curvesChart(
    [{ key: 'loss', label: 'loss', colour: '#1f77b4', points: Array.from({ length: n + 1 }, (_, i) => ({ step: i, value: 0.7 * Math.exp(-i / 300) + 0.01 * Math.sin(i) })) }],
    { title: 'Loss', x: 'step', y: 'loss' },
    'light',
    { width: 480, zero: true, minStep: 100 },
  );
const profile = (depth: number) =>
  perLayerChart(
    [{ key: 'now', label: 'now', colour: '#d62728', values: Array.from({ length: depth }, (_, i) => 10 ** (-i / 3)) }],
    { title: 'Gradient per layer', x: 'layer', y: 'norm' },
    'dark',
    { width: 480 },
  );

const render = (o: ReturnType<typeof loss>) => renderChart(o, document as unknown as Document) as Element;

describe('redrawing a chart in place (morph)', () => {
  it('the chart on screen ends up exactly as a fresh drawing of the new options, over many redraws and shape changes', () => {
    const host = document.getElementById('host')!;
    const sequence = [loss(10), loss(200), loss(1500), profile(5), profile(30), loss(50), profile(3)];
    for (const o of sequence) {
      showChart(host, render(o));
      expect(host.innerHTML).toBe(render(o).outerHTML);
      expect(host.children).toHaveLength(1);
    }
  });

  it('keeps the elements that did not change: a redraw with more steps edits the chart, it does not rebuild it', () => {
    const host = document.getElementById('host')!;
    host.replaceChildren();
    const first = showChart(host, render(loss(100)));
    const texts = Array.from(first.querySelectorAll('text'));
    const again = showChart(host, render(loss(120)));
    expect(again).toBe(first);
    const after = Array.from(again.querySelectorAll('text'));
    // Same number of labels, and every one is the node that was there before.
    expect(after).toHaveLength(texts.length);
    after.forEach((t, i) => expect(t).toBe(texts[i]));
    expect(host.innerHTML).toBe(render(loss(120)).outerHTML);
  });

  it('copies, changes and removes attributes, keeping a prefixed one in its namespace', () => {
    const SVG = 'http://www.w3.org/2000/svg';
    const XLINK = 'http://www.w3.org/1999/xlink';
    const image = (attrs: Record<string, string>, href?: string) => {
      const g = document.createElementNS(SVG, 'g');
      const im = document.createElementNS(SVG, 'image');
      for (const [k, v] of Object.entries(attrs)) im.setAttribute(k, v);
      if (href) im.setAttributeNS(XLINK, 'xlink:href', href);
      g.appendChild(im);
      return g;
    };
    const target = image({ width: '10', height: '5', opacity: '0.5' });
    const source = image({ width: '12', height: '5', transform: 'scale(1,-1)' }, 'data:a');
    const ns = source.firstElementChild!.getAttributeNode('xlink:href')!.namespaceURI;
    morphInto(target, source);
    const im = target.firstElementChild!;
    expect(im.getAttribute('width')).toBe('12');
    expect(im.getAttribute('height')).toBe('5');
    expect(im.getAttribute('transform')).toBe('scale(1,-1)');
    expect(im.hasAttribute('opacity')).toBe(false);
    expect(im.getAttribute('xlink:href')).toBe('data:a');
    expect(im.getAttributeNode('xlink:href')!.namespaceURI).toBe(ns);
    morphInto(target, image({ width: '12', height: '5' }, 'data:b'));
    expect(im.getAttribute('xlink:href')).toBe('data:b');
    expect(im.hasAttribute('transform')).toBe(false);
    morphInto(target, image({ width: '12', height: '5' }));
    expect(im.hasAttribute('xlink:href')).toBe(false);
    expect(im.getAttributeNames().sort()).toEqual(['height', 'width']);
  });

  it('moves Plot’s scale functions onto the root that stays, so pointer handlers invert the new scales', () => {
    const host = document.getElementById('host')!;
    host.replaceChildren();
    const root = showChart(host, render(loss(100))) as Element & { scale?: (n: string) => { domain: number[] } };
    const next = render(loss(5000)) as Element & { scale?: (n: string) => { domain: number[] } };
    const shown = showChart(host, next) as typeof root;
    expect(shown).toBe(root);
    expect(shown.scale?.('x').domain).toEqual(next.scale?.('x').domain);
    expect(shown.scale?.('x').domain[1]).toBe(5000);
  });

  it('puts a different kind of root in instead of editing (a build-time image, or no chart yet)', () => {
    const host = document.getElementById('host')!;
    host.innerHTML = '<p>static</p>';
    const chart = render(loss(10));
    expect(showChart(host, chart)).toBe(chart);
    expect(host.firstElementChild).toBe(chart);
    // Attributes the new chart lacks are removed, text is replaced.
    const a = document.createElement('div');
    a.setAttribute('data-old', '1');
    a.innerHTML = '<span>a</span>b';
    const b = document.createElement('div');
    b.setAttribute('class', 'x');
    b.innerHTML = '<em>c</em>';
    morphInto(a, b);
    expect(a.outerHTML).toBe('<div class="x"><em>c</em></div>');
  });
});
