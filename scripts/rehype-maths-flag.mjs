// Marks a chapter that renders maths, so its page links KaTeX's stylesheet (and through it
// KaTeX's fonts) and a chapter without maths does not. Runs after rehype-katex and looks at what
// it produced, not at the source, so a "$" in prose or a formula in an imported component's
// MDX cannot fool it. The flag reaches the page as render(entry).remarkPluginFrontmatter.maths.
export default function rehypeMathsFlag() {
  const hasMaths = (node) => {
    const cls = node.type === 'element' ? node.properties?.className : undefined;
    if (Array.isArray(cls) && cls.includes('katex')) return true;
    return (node.children ?? []).some(hasMaths);
  };
  return (tree, file) => {
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, maths: hasMaths(tree) };
  };
}
