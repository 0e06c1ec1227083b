// npm run size (second part): what a reader downloads per built page, from
// dist/ (run `npx astro build` first). For every HTML page it follows:
//   JS:    module scripts with src, the static imports of inline module
//          scripts, every island's component-url and renderer-url (as if every
//          figure had scrolled into view and hydrated), each file's static
//          imports, and the training worker that a file starts with
//          new Worker(new URL(...)). Dynamic import() is lazy (loaded only
//          when some code path asks for it) and is listed apart, not counted.
//   CSS:   stylesheets the page links, and their @imports.
//   fonts: the @font-face files (woff2, the first format a browser takes)
//          whose family, weight and style some CSS rule that matches the
//          page's classes asks for. This is an estimate from class names; a
//          browser downloads a face only if text is drawn with it.
// `node scripts/page-weight.mjs --files` also lists each page's JS files.
// Sizes are gzip -6 of each file (what a static host sends); woff2 is counted
// as it is, since it is already compressed. Budget: no JS files on text pages
// (pages without islands), <= 130 KB gz of JS on figure pages, and KaTeX's
// CSS and fonts only on pages with maths. Exits 1 over budget.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
/** --files lists each page's JS files with their gzip sizes. */
const LIST_FILES = args.includes('--files');
const DIST = args.find((a) => !a.startsWith('--')) ?? 'dist';
const JS_BUDGET = 130 * 1024;
if (!existsSync(DIST)) {
  console.error(`No ${DIST}/: build the site first (npx astro build).`);
  process.exit(2);
}

const gz = (buf) => gzipSync(buf, { level: 6 }).length;
const kb = (n) => (n / 1024).toFixed(1);
const cache = new Map();
const file = (url) => {
  const p = path.join(DIST, decodeURI(url.split(/[?#]/)[0]));
  if (!cache.has(p)) cache.set(p, existsSync(p) ? readFileSync(p) : null);
  return cache.get(p);
};
/** Site-absolute URL of ref as seen from the file at url (both paths, no host). */
const resolve = (ref, from) => new URL(ref, `https://site${from}`).pathname;
const unescapeAttr = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const STR = String.raw`["'\x60]([^"'\x60]+)["'\x60]`;
const staticImports = (code) => [
  ...[...code.matchAll(new RegExp(String.raw`(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?${STR}`, 'g'))].map((m) => m[1]),
  ...[...code.matchAll(new RegExp(String.raw`(?:^|[;}\s])export\s*(?:\*|\{[^}]*\})\s*from\s*${STR}`, 'g'))].map((m) => m[1]),
];
const dynamicImports = (code) => [...code.matchAll(new RegExp(String.raw`\bimport\(\s*${STR}\s*\)`, 'g'))].map((m) => m[1]);
const workers = (code) => [...code.matchAll(new RegExp(String.raw`new\s+(?:Shared)?Worker\(\s*new\s+URL\(\s*${STR}`, 'g'))].map((m) => m[1]);

/** The JS closure of the given entry URLs: counted files, and lazy files left out. */
function jsClosure(entries) {
  const seen = new Set();
  const lazy = new Set();
  const missing = new Set();
  const visit = (url) => {
    if (seen.has(url)) return;
    const buf = file(url);
    if (!buf) { missing.add(url); return; }
    seen.add(url);
    const code = buf.toString('utf8');
    for (const ref of [...staticImports(code), ...workers(code)]) if (ref.endsWith('.js') || ref.startsWith('.') || ref.startsWith('/')) visit(resolve(ref, url));
    for (const ref of dynamicImports(code)) lazy.add(resolve(ref, url));
  };
  for (const e of entries) visit(e);
  for (const s of seen) lazy.delete(s);
  return { files: [...seen], lazy: [...lazy], missing: [...missing] };
}

/** Rules of a minified stylesheet, flattened out of @media/@supports blocks: [selector or at-rule, body]. */
function cssRules(css) {
  const out = [];
  const walk = (text) => {
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      if (open < 0) break;
      const head = text.slice(i, open).trim();
      let depth = 1;
      let j = open + 1;
      while (j < text.length && depth > 0) { if (text[j] === '{') depth++; else if (text[j] === '}') depth--; j++; }
      const body = text.slice(open + 1, j - 1);
      if (/^@(media|supports|layer|container)/.test(head)) walk(body);
      else out.push([head, body]);
      i = j;
    }
  };
  walk(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  return out;
}
// Selectors of KaTeX's own stylesheet, to tell its rules from the site's few .katex tweaks.
const norm = (sel) => sel.replace(/\s+/g, '');
const KATEX_CSS = 'node_modules/katex/dist/katex.min.css';
// Property names, not values: the build's CSS minifier rewrites KaTeX's numbers (.8333333em to .833333em).
const props = (body) => body.split(';').map((d) => d.split(':')[0].trim()).filter(Boolean);
/** Properties per selector in KaTeX's stylesheet; a built rule is KaTeX's if KaTeX's rule for its selector sets all its properties. */
const katexRules = new Map();
if (existsSync(KATEX_CSS)) for (const [h, b] of cssRules(readFileSync(KATEX_CSS, 'utf8'))) if (!h.startsWith('@')) katexRules.set(norm(h), new Set([...(katexRules.get(norm(h)) ?? []), ...props(b)]));
const isKatexRule = (head, body) => /KaTeX_/.test(body) || (katexRules.size > 0 ? props(body).every((d) => katexRules.get(norm(head))?.has(d)) : /katex/i.test(head));
const decl = (body, prop) => { const m = body.match(new RegExp(String.raw`(?:^|;)\s*${prop}\s*:([^;]*)`)); return m ? m[1].trim() : undefined; };
const isBold = (w) => w !== undefined && (/bold/.test(w) || Number(w) >= 600);
const isItalic = (s) => s !== undefined && /italic|oblique/.test(s);

function pageWeight(htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const url = `/${path.relative(DIST, htmlPath).split(path.sep).join('/')}`;
  const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)].map((m) => m[0]);
  const entries = [];
  for (const tag of islands) for (const attr of ['component-url', 'renderer-url', 'before-hydration-url']) {
    const m = tag.match(new RegExp(`${attr}="([^"]+)"`));
    if (m) entries.push(resolve(unescapeAttr(m[1]), url));
  }
  let inlineJs = '';
  const inlineLazy = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1];
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    const src = attrs.match(/\bsrc="([^"]+)"/);
    if (src) entries.push(resolve(unescapeAttr(src[1]), url));
    else {
      inlineJs += m[2];
      if (/type="module"/.test(attrs)) for (const ref of staticImports(m[2])) entries.push(resolve(ref, url));
      // An inline script's import() (the search loading Pagefind on focus) is lazy like any other;
      // Astro's island loader (it defines astro-island) imports the component URLs counted above.
      if (!/customElements/.test(m[2])) for (const call of m[2].matchAll(/\bimport\(\s*([^)\s][^)]*)\)/g)) inlineLazy.push(call[1].trim());
    }
  }
  const js = jsClosure(entries);
  for (const ref of inlineLazy) js.lazy.push(`inline import(${ref})`);
  const jsGz = js.files.reduce((s, f) => s + gz(file(f)), 0);
  const jsRaw = js.files.reduce((s, f) => s + file(f).length, 0);

  const cssFiles = [];
  const visitCss = (u) => {
    if (cssFiles.includes(u) || !file(u)) return;
    cssFiles.push(u);
    for (const m of file(u).toString('utf8').matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) visitCss(resolve(m[1], u));
  };
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
    const href = m[0].match(/href="([^"]+)"/);
    if (href) visitCss(resolve(unescapeAttr(href[1]), url));
  }
  const cssGz = cssFiles.reduce((s, f) => s + gz(file(f)), 0);

  // KaTeX's share of the CSS: its rules, gzipped on their own.
  const classes = new Set();
  for (const m of html.matchAll(/\bclass="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) classes.add(c);
  const hasMath = classes.has('katex') || classes.has('katex-display');
  let katexCss = '';
  const faces = [];
  const wanted = [];
  for (const f of cssFiles) {
    for (const [head, body] of cssRules(file(f).toString('utf8'))) {
      if (head === '@font-face') {
        const family = (decl(body, 'font-family') ?? '').replace(/["']/g, '');
        const woff2 = body.match(/url\(["']?([^"')]+\.woff2)/) ?? body.match(/url\(["']?([^"')]+)/);
        if (woff2) faces.push({ family, bold: isBold(decl(body, 'font-weight')), italic: isItalic(decl(body, 'font-style')), url: resolve(woff2[1], f) });
        if (/katex/i.test(family)) katexCss += `${head}{${body}}`;
        continue;
      }
      if (isKatexRule(head, body)) katexCss += `${head}{${body}}`;
      if (head.startsWith('@')) continue;
      const matches = head.split(',').some((sel) => {
        const cls = [...sel.matchAll(/\.([A-Za-z0-9_-]+)/g)].map((x) => x[1]);
        return cls.length > 0 && cls.every((c) => classes.has(c));
      });
      if (!matches) continue;
      const font = decl(body, 'font');
      const family = decl(body, 'font-family') ?? font;
      const weight = decl(body, 'font-weight') ?? font;
      const style = decl(body, 'font-style') ?? font;
      wanted.push({ katex: /katex/.test(head), families: family ? family.split(',').map((s) => s.trim().replace(/^.*\s(?=\S+$)/, '').replace(/["']/g, '')) : [], bold: isBold(weight), italic: isItalic(style) });
    }
  }
  // A rule that sets only the weight or style (KaTeX's .textbf, .mathit) applies it to the inherited family, KaTeX_Main.
  const fontUrls = new Set();
  for (const w of wanted) {
    const families = w.families.length > 0 ? w.families : (w.katex && (w.bold || w.italic) ? ['KaTeX_Main'] : []);
    for (const fam of families) {
      const face = faces.find((x) => x.family === fam && x.bold === w.bold && x.italic === w.italic);
      if (face) fontUrls.add(face.url);
    }
  }
  const fontFiles = [...fontUrls].filter((u) => file(u));
  const fontBytes = fontFiles.reduce((s, u) => s + file(u).length, 0);
  const katexFonts = fontFiles.filter((u) => /katex/i.test(u)).reduce((s, u) => s + file(u).length, 0);
  const katexCssGz = katexCss ? gz(Buffer.from(katexCss)) : 0;

  const problems = [];
  if (islands.length === 0 && js.files.length > 0) problems.push(`text page ships ${js.files.length} JS files`);
  if (islands.length > 0 && jsGz > JS_BUDGET) problems.push(`JS ${kb(jsGz)} KB > ${kb(JS_BUDGET)} KB`);
  if (!hasMath && katexCssGz > 0) problems.push(`KaTeX CSS (${kb(katexCssGz)} KB) without maths`);
  if (!hasMath && katexFonts > 0) problems.push(`KaTeX fonts (${kb(katexFonts)} KB) without maths`);
  if (js.missing.length > 0) problems.push(`missing: ${js.missing.join(', ')}`);
  return {
    url, js: js.files.map((f) => [f, gz(file(f))]), lazyFiles: js.lazy, figures: islands.length, maths: hasMath, jsFiles: js.files.length, jsGz, jsRaw, lazy: js.lazy.length, inlineJsGz: inlineJs ? gz(Buffer.from(inlineJs)) : 0,
    cssGz, katexCssGz, fontFiles: fontFiles.length, fontBytes, htmlGz: gz(Buffer.from(html)), problems,
  };
}

const pages = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== '_astro') walk(p); } else if (name.endsWith('.html')) pages.push(p);
  }
};
walk(DIST);
const results = pages.map(pageWeight);
const rows = [['page', 'figures', 'maths', 'JS files', 'JS gz KB (raw)', 'lazy JS files', 'inline JS gz KB', 'CSS gz KB', 'of which KaTeX', 'fonts (files)', 'HTML gz KB', 'total gz KB', 'budget']];
for (const r of results) {
  rows.push([
    r.url.replace(/index\.html$/, ''), String(r.figures), r.maths ? 'yes' : 'no', String(r.jsFiles), `${kb(r.jsGz)} (${kb(r.jsRaw)})`, String(r.lazy), kb(r.inlineJsGz),
    kb(r.cssGz), kb(r.katexCssGz), `${kb(r.fontBytes)} (${r.fontFiles})`, kb(r.htmlGz), kb(r.jsGz + r.cssGz + r.fontBytes + r.htmlGz),
    r.problems.length === 0 ? 'ok' : `OVER: ${r.problems.join('; ')}`,
  ]);
}
const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
console.log(`\nPage weight per built page (${DIST}/; KB = 1024 B; gzip -6; every figure hydrated; fonts estimated from the page's classes)`);
for (const r of rows) console.log(r.map((s, k) => s.padEnd(widths[k])).join(' | '));
if (LIST_FILES) {
  for (const r of results.filter((x) => x.js.length > 0)) {
    console.log(`\n${r.url}`);
    for (const [f, size] of [...r.js].sort((a, b) => b[1] - a[1])) console.log(`  ${kb(size).padStart(6)} KB  ${f}`);
    for (const f of r.lazyFiles) console.log(`    lazy    ${f}`);
  }
}
const over = results.filter((r) => r.problems.length > 0);
console.log(`\nBudget: 0 JS files on text pages; <= ${kb(JS_BUDGET)} KB gz JS on figure pages; KaTeX CSS and fonts only on pages with maths. ${over.length === 0 ? 'All pages within budget.' : `${over.length} of ${results.length} pages over budget.`}`);
if (over.length > 0) process.exitCode = 1;
