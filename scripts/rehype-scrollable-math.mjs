// Display formulas scroll sideways on narrow screens (see .katex-display in global.css).
// A scrolling region must be reachable from the keyboard (WCAG 2.1.1), so each one gets
// tabindex="0". Runs after rehype-katex.
export default function rehypeScrollableMath() {
  const walk = (node) => {
    if (node.type === 'element') {
      const cls = node.properties?.className;
      if (Array.isArray(cls) && cls.includes('katex-display')) node.properties.tabIndex = 0;
    }
    if (node.children) for (const child of node.children) walk(child);
  };
  return (tree) => walk(tree);
}
