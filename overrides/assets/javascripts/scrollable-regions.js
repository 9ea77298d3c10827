/* 2.1.1: a table the theme wraps in a horizontal scroll box (at 320px, say) must be
   scrollable with the keyboard, so a scroll box that overflows becomes a named, focusable region. */
(function () {
  function label(table) {
    var caption = table.querySelector("caption");
    var heading = table.closest(".md-typeset__scrollwrap").previousElementSibling;
    return (caption && caption.textContent.trim()) || (heading && /^H[1-6]$/.test(heading.tagName) && heading.textContent.trim()) || document.title;
  }

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      var table = wrap.querySelector("table");
      if (scrolls && table) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(table));
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  } else {
    document.addEventListener("DOMContentLoaded", update);
  }
  window.addEventListener("resize", update);
})();
