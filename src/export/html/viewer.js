// The viewer's only script, inlined in every page (its hash is in the page's
// Content-Security-Policy, so no other script can run). The checkboxes hide one kind of mark;
// pointing at a quote, its cue, speaker, badge or list entry lights up all of them.
(function () {
  "use strict";
  var body = document.body;
  document.querySelectorAll("input[data-hide]").forEach(function (box) {
    var sync = function () {
      body.classList.toggle("hide-" + box.getAttribute("data-hide"), !box.checked);
    };
    box.addEventListener("change", sync);
    sync();
  });
  var lit = [];
  document.addEventListener("mouseover", function (event) {
    var target = event.target.closest ? event.target.closest("[data-q]") : null;
    lit.forEach(function (el) { el.classList.remove("lit"); });
    lit = [];
    if (!target) return;
    target.getAttribute("data-q").split(" ").forEach(function (ref) {
      // Refs are quote numbers the page generator wrote, never text from the article.
      if (!/^[0-9]+$/.test(ref)) return;
      document.querySelectorAll('[data-q~="' + ref + '"]').forEach(function (el) {
        el.classList.add("lit");
        lit.push(el);
      });
    });
  });
  document.documentElement.setAttribute("data-viewer", "ready");
})();
