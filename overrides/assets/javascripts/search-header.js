/* The header's search field: results as you type, keyboard operable.
   ArrowDown moves into the results, Escape closes them, Enter opens the full
   search page. Results are built as DOM nodes; nothing typed is ever HTML. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kp-search-header]");
  if (!form || !window.kpSearch) return;
  var S = window.kpSearch;
  var input = form.querySelector("input[name=q]");
  var panel = form.querySelector("[data-kp-search-panel]");
  var list = form.querySelector("[data-kp-search-list]");
  var all = form.querySelector("[data-kp-search-all]");
  var status = form.querySelector("[data-kp-search-status]");
  var TOP = 6;
  var engine = null;

  function text(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function highlighted(tag, className, value, matched) {
    var node = text(tag, className);
    engine.marks(value, matched).forEach(function (piece) {
      node.appendChild(piece[1] ? text("mark", "", piece[0]) : document.createTextNode(piece[0]));
    });
    return node;
  }

  function open(show) {
    panel.hidden = !show;
    input.setAttribute("aria-expanded", show ? "true" : "false");
  }

  function countText(n) {
    return n === 0 ? S.strings.search_count_none : n === 1 ? S.strings.search_count_one : S.format("search_count", n);
  }

  function render() {
    var query = input.value;
    list.textContent = "";
    if (!query.trim()) { open(false); status.textContent = ""; return; }
    var results = engine.search(query);
    results.slice(0, TOP).forEach(function (r) {
      var item = text("li", "kp-search__result" + (r.doc.level === "makkelijk" ? " kp-search__result--easy" : ""));
      var link = text("a", "kp-search__link");
      link.href = S.url(r.doc.url);
      if (r.doc.language !== S.config.language) link.lang = r.doc.language;
      link.appendChild(highlighted("span", "kp-search__title", r.doc.title, r.matched));
      if (r.doc.level === "makkelijk") link.appendChild(text("span", "kp-badge kp-badge--easy", S.strings.easy_read));
      link.appendChild(highlighted("span", "kp-search__summary", r.doc.summary, r.matched));
      item.appendChild(link);
      list.appendChild(item);
    });
    all.href = S.searchPageUrl(query);
    all.textContent = S.strings.search_all_results + " (" + results.length + ")";
    status.textContent = countText(results.length);
    open(true);
  }

  function start() {
    S.load().then(function (e) {
      engine = e;
      if (input.value.trim()) render();
    }, function () {
      status.textContent = S.strings.search_error;
    });
  }

  input.addEventListener("focus", start);
  input.addEventListener("pointerdown", start);
  /* Re-rank when the full index arrives, but never under a reader who is moving
     through the results: re-rendering would drop their keyboard focus. */
  S.onUpgrade(function () {
    if (panel.contains(document.activeElement)) return;
    if (document.activeElement === input || !panel.hidden) render();
  });

  input.addEventListener("input", function () {
    if (engine) render();
    else if (input.value.trim()) status.textContent = S.strings.search_loading;
  });

  function links() { return Array.prototype.slice.call(panel.querySelectorAll("a")); }

  form.addEventListener("keydown", function (event) {
    var items = links(), at = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      open(false);
      input.focus();
    } else if (event.key === "ArrowDown" && !panel.hidden && items.length) {
      event.preventDefault();
      items[Math.min(at + 1, items.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      if (at === 0) input.focus(); else items[at - 1].focus();
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    location.href = S.searchPageUrl(input.value);
  });

  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) open(false);
  });
  form.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) open(false);
  });
})();
