// Off-screen blocks of the chapter skip style, layout and paint, at their measured height.
(function () {
  if (!window.CSS || !CSS.supports('content-visibility', 'auto')) return;
  var sel = '.chapter__body > :is(p, ul, ol, aside, .katex-display, figure.figure):not(:has(.gloss))';
  function measure() {
    var els, h = [], i;
    try { els = document.querySelectorAll(sel); } catch (e) { return; }
    for (i = 0; i < els.length; i++) h.push(els[i].getBoundingClientRect().height);
    for (i = 0; i < els.length; i++) {
      if (!h[i]) continue;
      els[i].style.containIntrinsicBlockSize = 'auto ' + Math.round(h[i]) + 'px';
      els[i].setAttribute('data-skip', '');
    }
  }
  requestAnimationFrame(measure);
  var t = 0;
  addEventListener('resize', function () {
    clearTimeout(t);
    t = setTimeout(function () {
      var els = document.querySelectorAll('[data-skip]');
      for (var i = 0; i < els.length; i++) els[i].removeAttribute('data-skip');
      requestAnimationFrame(measure);
    }, 250);
  });
})();
