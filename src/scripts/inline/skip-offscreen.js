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
  // Measured once the web fonts are in: a height taken in the fallback font would be wrong
  // for a block that stays skipped, and the page would move when it came back.
  (document.fonts ? document.fonts.ready : Promise.resolve()).then(function () { requestAnimationFrame(measure); });
  var t = 0, width = innerWidth;
  addEventListener('resize', function () {
    // Heights change with the width only: a phone's toolbar sliding in and out while the
    // reader scrolls resizes the window too, and must not re-measure the chapter each time.
    if (innerWidth === width) return;
    width = innerWidth;
    clearTimeout(t);
    t = setTimeout(function () {
      var els = document.querySelectorAll('[data-skip]');
      for (var i = 0; i < els.length; i++) els[i].removeAttribute('data-skip');
      requestAnimationFrame(measure);
    }, 250);
  });
})();
