// Full-text search with Pagefind (static; the index is built after the site, one per
// language). pagefind.js picks the index of <html lang>, so each language searches itself.
// Without JavaScript there is no search, so the box stays hidden.
// Inlined by Search.astro, and allowed by its hash (scripts/inline-script-hashes.mjs): a
// bundled script's import() always brings Vite's preload helper, a JS file on every text page;
// written here, the page loads nothing until the reader focuses the box, and then only Pagefind.
(function () {
  // Pagefind escapes page text in excerpts and adds only <mark>; keep exactly that.
  var safeExcerpt = function (html) { return html.replace(/<(?!\/?mark>)[^>]*>/g, ''); };
  var boxes = document.querySelectorAll('[data-search]');
  for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);

  function setUp(box) {
    var base = box.dataset.base || '/';
    var s = JSON.parse(box.dataset.strings || '{}');
    // The result count's plural branches, chosen as formatMessage does: =n, then the category, then other.
    var forms = JSON.parse(box.dataset.count || '{}');
    var lang = document.documentElement.lang;
    var countText = function (n) {
      var form = forms['=' + n] || forms[new Intl.PluralRules(lang).select(n)] || forms.other || '';
      return form.replace(/#/g, new Intl.NumberFormat(lang).format(n));
    };
    var form = box.querySelector('form');
    var input = box.querySelector('input');
    var panel = box.querySelector('.site-search__panel');
    var status = box.querySelector('.site-search__status');
    var list = box.querySelector('.site-search__results');
    var engine = null;
    var load = function () {
      if (!engine) engine = import(base + 'pagefind/pagefind.js').then(function (pf) {
        return pf.options({ baseUrl: base, excerptLength: 24 }).then(function () { return pf; });
      });
      return engine;
    };
    box.hidden = false;
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    input.addEventListener('focus', function () { load().catch(function () {}); }, { once: true });
    input.addEventListener('input', function () {
      var query = input.value.trim();
      if (!query) {
        panel.hidden = true;
        list.replaceChildren();
        return;
      }
      panel.hidden = false;
      load().then(function (pf) {
        return pf.debouncedSearch(query, {}, 200).then(function (found) {
          if (found === null || input.value.trim() !== query) return; // superseded by newer typing
          return Promise.all(found.results.slice(0, 8).map(function (r) { return r.data(); })).then(function (top) {
            status.textContent = found.results.length === 0 ? s['search.none'] : countText(found.results.length);
            list.replaceChildren.apply(list, top.map(function (r) {
              var li = document.createElement('li');
              var a = document.createElement('a');
              a.href = r.url;
              a.textContent = (r.meta && r.meta.title) || r.url;
              var p = document.createElement('p');
              p.innerHTML = safeExcerpt(r.excerpt);
              li.append(a, p);
              return li;
            }));
          });
        });
      }, function () {
        status.textContent = s['search.unavailable'];
      });
    });
    box.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        panel.hidden = true;
        input.focus();
      }
    });
    document.addEventListener('click', function (e) {
      if (!box.contains(e.target)) panel.hidden = true;
    });
  }
})();
