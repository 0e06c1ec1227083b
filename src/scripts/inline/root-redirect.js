(function () {
  var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'es'];
  var pick = 'es';
  for (var i = 0; i < langs.length; i++) {
    var l = String(langs[i]).toLowerCase();
    if (l.indexOf('es') === 0) { pick = 'es'; break; }
    if (l.indexOf('en') === 0) { pick = 'en'; break; }
  }
  // The root page is served at the site's base ("/" or "/sub-path/"), so the base is this
  // page's own folder; the script stays identical (and its CSP hash stable) for every base.
  var base = location.pathname.replace(/[^/]*$/, '');
  location.replace(base + pick + '/' + location.search + location.hash);
})();
