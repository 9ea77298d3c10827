/* The full search page: the query and the filters live in the URL
   (?q=grenzen&doelgroep=naasten&niveau=makkelijk), so a result list can be
   shared, bookmarked and reloaded; the URL is replaced, never sent anywhere.
   Everything from the URL is used as text or compared with known filter
   values; nothing from it is inserted as HTML. */
(function () {
  "use strict";
  var page = document.querySelector("[data-kp-search-page]");
  if (!page || !window.kpSearch) return;
  var S = window.kpSearch;
  var form = page.querySelector("[data-kp-search-page-form]");
  var input = form.querySelector("input[name=q]");
  var status = page.querySelector("[data-kp-search-page-status]");
  var facetForm = page.querySelector("[data-kp-search-facets]");
  var groups = page.querySelector("[data-kp-search-facet-groups]");
  var list = page.querySelector("[data-search-results]");
  var more = page.querySelector("[data-kp-search-more]");
  var empty = page.querySelector("[data-kp-search-empty]");
  var PAGE_SIZE = 20;
  var engine = null, shown = PAGE_SIZE, chosen = {};

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function highlighted(tag, className, value, matched) {
    var node = el(tag, className);
    engine.marks(value, matched).forEach(function (piece) {
      node.appendChild(piece[1] ? el("mark", "", piece[0]) : document.createTextNode(piece[0]));
    });
    return node;
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    chosen = {};
    params.forEach(function (value, key) {
      if (key !== "q") (chosen[key] = chosen[key] || []).push(value);
    });
  }

  /* Only known filter values count; anything else in the URL is ignored. */
  function cleanChoices() {
    var clean = {};
    engine.facets.forEach(function (f) {
      var wanted = (chosen[f.param] || []).filter(function (v) { return Object.prototype.hasOwnProperty.call(f.values, v); });
      if (wanted.length) clean[f.param] = wanted;
    });
    chosen = clean;
  }

  function writeUrl() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value);
    engine.facets.forEach(function (f) {
      (chosen[f.param] || []).forEach(function (v) { params.append(f.param, v); });
    });
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  }

  function label(facet, value) { return facet.values[value] || value; }

  function badges(doc) {
    var box = el("p", "kp-badges kp-search-result__badges");
    var levels = engine.facets.filter(function (f) { return f.param === "niveau"; })[0];
    var audiences = engine.facets.filter(function (f) { return f.param === "doelgroep"; })[0];
    var kinds = engine.facets.filter(function (f) { return f.param === "soort"; })[0];
    box.appendChild(el("span", "kp-badge" + (doc.level === "makkelijk" ? " kp-badge--easy" : ""), label(levels, doc.level)));
    doc.audiences.forEach(function (a) { box.appendChild(el("span", "kp-badge kp-badge--audience", label(audiences, a))); });
    box.appendChild(el("span", "kp-badge", label(kinds, doc.type)));
    if (doc.language !== S.config.language) box.appendChild(el("span", "kp-badge", S.strings.search_not_translated));
    return box;
  }

  function renderResult(r) {
    var item = el("li", "kp-search-result" + (r.doc.level === "makkelijk" ? " kp-search-result--easy" : ""));
    var link = el("a", "kp-search-result__link");
    link.href = S.url(r.doc.url);
    link.appendChild(highlighted("span", "kp-search-result__title", r.doc.title, r.matched));
    var heading = el("h2", "kp-search-result__heading");
    heading.appendChild(link);
    item.appendChild(heading);
    if (r.doc.language !== S.config.language) item.lang = r.doc.language;
    item.appendChild(highlighted("p", "kp-search-result__summary", r.doc.summary, r.matched));
    item.appendChild(badges(r.doc));
    return item;
  }

  function renderFacets(results) {
    var counts = engine.counts(results, chosen);
    groups.textContent = "";
    engine.facets.forEach(function (f, i) {
      var values = Object.keys(f.values).filter(function (v) { return counts[i][v] || (chosen[f.param] || []).indexOf(v) !== -1; });
      if (!values.length) return;
      var set = el("fieldset", "kp-search-facet");
      set.appendChild(el("legend", "", f.label));
      values.forEach(function (v) {
        var box = el("input");
        box.type = "checkbox";
        box.name = f.param;
        box.value = v;
        box.checked = (chosen[f.param] || []).indexOf(v) !== -1;
        var lab = el("label", "kp-search-facet__option");
        lab.appendChild(box);
        lab.appendChild(document.createTextNode(" " + label(f, v) + " "));
        lab.appendChild(el("span", "kp-search-facet__count", "(" + (counts[i][v] || 0) + ")"));
        set.appendChild(lab);
      });
      groups.appendChild(set);
    });
    facetForm.hidden = !groups.childNodes.length;
  }

  function countText(n) {
    return n === 0 ? S.strings.search_count_none : n === 1 ? S.strings.search_count_one : S.format("search_count", n);
  }

  function render() {
    var query = input.value;
    var anyFilter = Object.keys(chosen).length > 0;
    var results = query.trim() ? engine.search(query) : anyFilter ? engine.all() : [];
    var filtered = engine.filter(results, chosen);
    list.textContent = "";
    filtered.slice(0, shown).forEach(function (r) { list.appendChild(renderResult(r)); });
    more.hidden = filtered.length <= shown;
    renderFacets(results);
    if (!query.trim() && !anyFilter) {
      status.textContent = S.strings.search_prompt;
      empty.hidden = true;
      return;
    }
    if (filtered.length === 0) {
      status.textContent = query.trim() ? S.strings.search_no_results.replace("{q}", query.slice(0, 100)) : countText(0);
      empty.hidden = false;
    } else {
      status.textContent = countText(filtered.length);
      empty.hidden = true;
    }
  }

  function update() {
    shown = PAGE_SIZE;
    writeUrl();
    render();
  }

  var typing = null;
  input.addEventListener("input", function () {
    if (!engine) return;
    clearTimeout(typing);
    typing = setTimeout(update, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (engine) update();
  });
  facetForm.addEventListener("change", function (event) {
    var box = event.target;
    if (!box || box.type !== "checkbox") return;
    var values = chosen[box.name] || [];
    if (box.checked) { if (values.indexOf(box.value) === -1) values.push(box.value); }
    else values = values.filter(function (v) { return v !== box.value; });
    if (values.length) chosen[box.name] = values; else delete chosen[box.name];
    update();
    var again = groups.querySelector('input[name="' + box.name + '"][value="' + CSS.escape(box.value) + '"]');
    if (again) again.focus();
  });
  page.querySelector("[data-kp-search-reset]").addEventListener("click", function () {
    chosen = {};
    update();
  });
  more.addEventListener("click", function () {
    var first = shown;
    shown += PAGE_SIZE;
    render();
    var next = list.children[first];
    if (next) next.querySelector("a").focus();
  });

  readUrl();
  status.textContent = S.strings.search_loading;
  S.load().then(function (e) {
    engine = e;
    cleanChoices();
    render();
    /* re-rank when the full index arrives, unless the reader is already in the results */
    S.onUpgrade(function () { if (!list.contains(document.activeElement)) render(); });
  }, function () {
    status.textContent = S.strings.search_error;
  });
})();
