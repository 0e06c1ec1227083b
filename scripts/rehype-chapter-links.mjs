// Chapters link to each other with site paths ("/en/sigmoid/#its-derivative"). Written as they
// are, those links would ignore a sub-path deploy (SITE_BASE) and, on a page that borrows the
// other language's text, send the reader to the other language. Every chapter page lives at
// <base>/<lang>/<slug>/, so rewriting them to relative links ("../sigmoid/#its-derivative")
// fixes both: they stay under the base and inside the reader's language.

const CHAPTER_FILE = /[\\/]chapters[\\/](es|en)[\\/]/;
const SITE_LINK = /^\/(es|en)\/([^?#]*)([?#].*)?$/;

/** "/en/sigmoid/#x" -> "../sigmoid/#x"; "/es/" -> "../"; anything else unchanged. */
export function relativeChapterLink(href) {
  const m = SITE_LINK.exec(href);
  if (!m) return href;
  return `../${m[2]}${m[3] ?? ''}`;
}

function walk(node) {
  if (node.type === 'element' && node.tagName === 'a' && typeof node.properties?.href === 'string') {
    node.properties.href = relativeChapterLink(node.properties.href);
  }
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    for (const attr of node.attributes ?? []) {
      if (attr.type === 'mdxJsxAttribute' && attr.name === 'href' && typeof attr.value === 'string') attr.value = relativeChapterLink(attr.value);
    }
  }
  for (const child of node.children ?? []) walk(child);
}

export default function rehypeChapterLinks() {
  return (tree, file) => {
    if (!CHAPTER_FILE.test(String(file.path ?? file.history?.[0] ?? ''))) return;
    walk(tree);
  };
}
