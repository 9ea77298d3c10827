/* The header's search field: results as you type, keyboard operable.
   ArrowDown moves into the results, Escape closes them, Enter opens the full
   search page. Results are built as DOM nodes; nothing typed is ever HTML.
   The panel never covers the quick-exit button: it is moved below it when the
   two would overlap. With no results it says so and offers the help page and
   the audience routes. */
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
  var note = form.querySelector("[data-kp-search-note]");
  var TOP = 6;
  var engine = null;

  var text = S.element, withNode = S.withNode;
  function highlighted(tag, className, value, matched) { return S.highlighted(engine, tag, className, value, matched); }

  /* Keep the quick-exit button free: if the open panel would cover it, start the panel below it. */
  function clearQuickExit() {
    panel.style.top = "";
    panel.style.maxHeight = "";
    var exit = document.querySelector("[data-kp-quick-exit-button]");
    if (!exit || panel.hidden) return;
    var a = exit.getBoundingClientRect(), b = panel.getBoundingClientRect();
    var overlap = a.width && b.left < a.right && a.left < b.right && b.top < a.bottom && a.top < b.bottom;
    if (!overlap) return;
    var fixed = getComputedStyle(panel).position === "fixed";
    panel.style.top = (a.bottom + 6 - (fixed ? 0 : form.getBoundingClientRect().top)) + "px";
    panel.style.maxHeight = Math.max(160, window.innerHeight - a.bottom - 12) + "px";
  }

  function open(show) {
    panel.hidden = !show;
    input.setAttribute("aria-expanded", show ? "true" : "false");
    if (show) clearQuickExit();
  }

  function countText(n) {
    return n === 0 ? S.strings.search_count_none : n === 1 ? S.strings.search_count_one : S.format("search_count", n);
  }

  function link(href, className, content) {
    var a = text("a", className, content);
    a.href = href;
    return a;
  }

  /* "Results for <b>seksuoloog</b>", a way to search as typed; or, with nothing found, where to go instead. */
  function renderNote(found, query) {
    note.textContent = "";
    if (found.corrected) {
      var p = text("p", "kp-search__corrected");
      p.appendChild(withNode(S.strings.search_corrected, text("b", "", found.words.join(" "))));
      note.appendChild(p);
      var again = link(S.searchPageUrl(query, { letterlijk: "1" }), "kp-search__as-typed");
      again.appendChild(withNode(S.strings.search_as_typed, text("span", "", query.slice(0, 60))));
      note.appendChild(again);
    } else if (!found.results.length && !found.needWords) {
      note.appendChild(text("p", "kp-search__none", S.strings.search_no_results.replace("{q}", query.slice(0, 60))));
      note.appendChild(text("p", "kp-search__none-help", S.strings.search_header_none_help));
      var ways = text("ul", "kp-search__ways");
      var item = text("li");
      item.appendChild(link(S.url(S.config.help), "kp-search__way", S.strings.help_title));
      ways.appendChild(item);
      S.config.hubs.forEach(function (hub) {
        var li = text("li");
        li.appendChild(link(S.url(hub.url), "kp-search__way", hub.label));
        ways.appendChild(li);
      });
      note.appendChild(ways);
    }
    note.hidden = !note.childNodes.length;
  }

  function render() {
    var query = input.value;
    list.textContent = "";
    if (!query.trim()) { open(false); status.textContent = ""; return; }
    var found = engine.find(query, { typing: !/\s$/.test(query), prefer: S.preferredLevel() });
    if (found.needWords) S.loadWords();
    var results = found.results;
    results.slice(0, TOP).forEach(function (r) {
      var doc = r.doc;
      var item = text("li", "kp-search__result" + (doc.level === "makkelijk" ? " kp-search__result--easy" : "") + (r.bestBet ? " kp-search__result--best" : ""));
      var a = text("a", "kp-search__link");
      a.href = S.url(doc.url);
      if (doc.language !== S.config.language) a.lang = doc.language;
      if (r.bestBet) a.appendChild(text("span", "kp-badge kp-badge--best", S.strings.search_best_bet));
      a.appendChild(highlighted("span", "kp-search__title", doc.title, r.matched));
      if (doc.level === "makkelijk") a.appendChild(text("span", "kp-badge kp-badge--easy", S.strings.easy_read));
      a.appendChild(highlighted("span", "kp-search__summary", doc.summary, r.matched));
      item.appendChild(a);
      list.appendChild(item);
    });
    renderNote(found, query);
    all.href = S.searchPageUrl(query);
    all.textContent = S.strings.search_all_results + " (" + results.length + ")";
    all.hidden = !results.length;
    /* the live region says what the panel shows, the correction included */
    status.textContent = countText(results.length) + (found.corrected ? ". " + S.strings.search_corrected.replace("{q}", found.words.join(" ")) : "");
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

  function links() { return Array.prototype.slice.call(panel.querySelectorAll("a:not([hidden])")); }

  window.addEventListener("resize", function () { if (!panel.hidden) clearQuickExit(); });

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
