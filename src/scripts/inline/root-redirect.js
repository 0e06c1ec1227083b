(function () {
  var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'es'];
  var pick = 'es';
  for (var i = 0; i < langs.length; i++) {
    var l = String(langs[i]).toLowerCase();
    if (l.indexOf('es') === 0) { pick = 'es'; break; }
    if (l.indexOf('en') === 0) { pick = 'en'; break; }
  }
  location.replace('/' + pick + '/' + location.search + location.hash);
})();
