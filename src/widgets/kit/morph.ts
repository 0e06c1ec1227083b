// Redrawing a chart by editing the one on screen instead of replacing it.
//
// A redraw builds a whole new Plot SVG, but from one frame to the next most of it is the
// same: the axes, the labels, the frame; only some paths, tick texts and positions move.
// Replacing the SVG makes the browser style, lay out and paint every element again (with
// hundreds of elements, the longest part of a frame at 4× CPU throttling, measured with
// `npm run bench:ui`). Copying only what differs into the elements already there leaves the
// rest untouched, and what is on screen ends up with exactly the new chart's elements,
// attributes and text.

type Scaled = Element & { scale?: unknown; legend?: unknown };

const sameKind = (a: Node, b: Node) => a.nodeType === b.nodeType && (a.nodeType !== 1 || ((a as Element).namespaceURI === (b as Element).namespaceURI && (a as Element).localName === (b as Element).localName));

function copyAttributes(from: Element, to: Element): void {
  // By name, not through `attributes`: every read of attributes[i] makes an Attr object, and
  // with a few hundred elements per chart that garbage was a sampled profile's largest
  // self time in the redraw after Plot itself (npm run bench:ui, BENCH_PROFILE=1).
  const names = from.getAttributeNames();
  const had = to.getAttributeNames();
  if (had.length !== names.length || had.some((n, i) => n !== names[i])) {
    for (const n of had) if (!from.hasAttribute(n)) to.removeAttribute(n);
  }
  for (const n of names) {
    const v = from.getAttribute(n)!;
    if (to.getAttribute(n) === v) continue;
    // A prefixed name (xlink:href, xmlns:xlink) keeps its namespace; setAttribute would make
    // an un-namespaced attribute that merely has a colon in its name.
    const ns = n.includes(':') ? from.getAttributeNode(n)!.namespaceURI : null;
    if (ns) to.setAttributeNS(ns, n, v);
    else to.setAttribute(n, v);
  }
}

/**
 * Makes `target`'s subtree equal to `source`'s: same elements in the same order, same
 * attributes, same text. Nodes that match in kind (an element with the same tag, or text)
 * are edited in place; the others are replaced by `source`'s nodes, which move over (so
 * `source` is left in pieces). Nothing is compared by identity or id: ids that change
 * between renders (Plot's clip paths) are copied like any other attribute.
 */
export function morphInto(target: Element, source: Element): void {
  copyAttributes(source, target);
  let o = target.firstChild;
  for (const n of Array.from(source.childNodes)) {
    if (!o) {
      target.appendChild(n);
      continue;
    }
    const after = o.nextSibling;
    if (!sameKind(o, n)) target.replaceChild(n, o);
    else if (n.nodeType === 1) morphInto(o as Element, n as Element);
    else if (o.nodeValue !== n.nodeValue) o.nodeValue = n.nodeValue;
    o = after;
  }
  while (o) {
    const after: ChildNode | null = o.nextSibling;
    target.removeChild(o);
    o = after;
  }
}

/**
 * Shows `chart` in `host`: edits the chart already there into it when both are the same
 * kind of element (an `<svg>`, or Plot's `<figure>`), otherwise puts it in. Plot's `scale`
 * and `legend` functions, which pointer handlers read from the root, move over too.
 * Returns the root now on screen.
 */
export function showChart(host: Element, chart: Element): Element {
  const current = host.firstElementChild;
  if (!current || host.childNodes.length !== 1 || !sameKind(current, chart)) {
    host.replaceChildren(chart);
    return chart;
  }
  morphInto(current, chart);
  const from = chart as Scaled;
  const to = current as Scaled;
  to.scale = from.scale;
  to.legend = from.legend;
  return current;
}
