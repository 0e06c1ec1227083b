// Links the first use of each glossary term in a chapter to its entry on the glossary page, and
// shows the term's short definition on hover and on keyboard focus. The terms and definitions
// come from src/data/glossary.json, the same file the glossary pages and the term check read.
// Headings, links, maths, code and figures are left alone.
import { readFileSync } from 'node:fs';

const CHAPTER_FILE = /[\\/]chapters[\\/](es|en)[\\/]/;
const SKIP_TAGS = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'script', 'style', 'svg', 'math', 'button', 'figure', 'figcaption', 'noscript', 'abbr']);
// MDX components whose children are ordinary prose; every other component (figures,
// References) is skipped.
const PROSE_COMPONENTS = new Set(['KeyIdeas']);

/** @typedef {{ id: string, term: string, definition: string, re: RegExp }} Term */

/** @returns {{ es: Term[], en: Term[] }} */
export function loadTerms(file = new URL('../src/data/glossary.json', import.meta.url)) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** @param {'es' | 'en'} lang */
  const build = (lang) =>
    data.terms.map((t) => {
      const forms = [...t[lang].forms].sort((a, b) => b.length - a.length).map(escape);
      return { id: t.id, term: t[lang].term, definition: t[lang].definition, re: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.join('|')})(?![\\p{L}\\p{N}-])`, 'iu') };
    });
  return { es: build('es'), en: build('en') };
}

const classes = (node) => {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

function skip(node) {
  if (node.type === 'element') return SKIP_TAGS.has(node.tagName) || classes(node).some((c) => c.startsWith('katex') || c === 'no-gloss');
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return !PROSE_COMPONENTS.has(node.name ?? '');
  return false;
}

/** The earliest match of any unused term in text, longest first at the same place. */
function firstMatch(text, terms, used) {
  let best = null;
  for (const t of terms) {
    if (used.has(t.id)) continue;
    const m = t.re.exec(text);
    if (!m) continue;
    if (!best || m.index < best.index || (m.index === best.index && m[0].length > best.text.length)) best = { term: t, index: m.index, text: m[0] };
  }
  return best;
}

function glossNode(term, text) {
  const tipId = `gloss-${term.id}`;
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['gloss'] },
    children: [
      { type: 'element', tagName: 'a', properties: { href: `../glossary/#${term.id}`, className: ['gloss__term'], ariaDescribedBy: tipId }, children: [{ type: 'text', value: text }] },
      { type: 'element', tagName: 'span', properties: { id: tipId, role: 'tooltip', className: ['gloss__tip'], dataPagefindIgnore: '' }, children: [{ type: 'text', value: term.definition }] },
    ],
  };
}

function walk(node, terms, used) {
  if (!node.children) return;
  const out = [];
  for (const child of node.children) {
    if (child.type === 'text') {
      let rest = child.value;
      let m;
      while (rest && (m = firstMatch(rest, terms, used))) {
        used.add(m.term.id);
        if (m.index > 0) out.push({ type: 'text', value: rest.slice(0, m.index) });
        out.push(glossNode(m.term, m.text));
        rest = rest.slice(m.index + m.text.length);
      }
      if (rest) out.push({ type: 'text', value: rest });
      continue;
    }
    if (!skip(child)) walk(child, terms, used);
    out.push(child);
  }
  node.children = out;
}

export default function rehypeGlossary() {
  const terms = loadTerms();
  return (tree, file) => {
    const m = CHAPTER_FILE.exec(String(file.path ?? file.history?.[0] ?? ''));
    if (!m) return;
    walk(tree, terms[/** @type {'es' | 'en'} */ (m[1])], new Set());
  };
}
