/* paper2code report: highlights the code blocks with highlight.js (loaded before this file)
   and records on <html> that it ran: data-p2c-ready="ok" (or "error: ..."), the number of
   highlighted blocks and of images that failed to load. The headless Chromium test reads these. */
(function () {
  "use strict";
  var root = document.documentElement;
  window.addEventListener("error", function (e) {
    root.setAttribute("data-p2c-error", String(e.message || e.type));
  }, true);
  function highlight() {
    try {
      var blocks = document.querySelectorAll("pre code[class*='language-']");
      for (var i = 0; i < blocks.length; i++) {
        window.hljs.highlightElement(blocks[i]);
      }
      root.setAttribute("data-p2c-highlighted", String(blocks.length));
      root.setAttribute("data-p2c-ready", "ok");
    } catch (err) {
      root.setAttribute("data-p2c-ready", "error: " + err);
    }
  }
  function checkImages() {
    var images = document.images, broken = 0;
    for (var i = 0; i < images.length; i++) {
      if (!images[i].complete || images[i].naturalWidth === 0) {
        broken++;
      }
    }
    root.setAttribute("data-p2c-images", String(images.length));
    root.setAttribute("data-p2c-broken-images", String(broken));
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }
  if (document.readyState === "complete") {
    checkImages();
  } else {
    window.addEventListener("load", checkImages);
  }
})();
