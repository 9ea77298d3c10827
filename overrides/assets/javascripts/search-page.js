/* The full search page: the query and the filters live in the URL
   (?q=grenzen&doelgroep=naasten&niveau=makkelijk), so a result list can be
   shared, bookmarked and reloaded; the URL is replaced, never sent anywhere.
   On a phone the results come first and the filters wait behind one
   "Filters" button; on a wide screen they stand beside the results.
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
  var correction = page.querySelector("[data-kp-search-corrected]");
  var toggle = page.querySelector("[data-kp-search-filters-toggle]");
  var toggleCount = page.querySelector("[data-kp-search-filters-count]");
  var facetForm = page.querySelector("[data-kp-search-facets]");
  var groups = page.querySelector("[data-kp-search-facet-groups]");
  var list = page.querySelector("[data-search-results]");
  var more = page.querySelector("[data-kp-search-more]");
  var empty = page.querySelector("[data-kp-search-empty]");
  var PAGE_SIZE = 20;
  var OWN_PARAMS = { q: true, versie: true, letterlijk: true };
  var engine = null, shown = PAGE_SIZE, chosen = {}, literal = false, version = null;

  var el = S.element, withNode = S.withNode;
  function highlighted(tag, className, value, matched) { return S.highlighted(engine, tag, className, value, matched); }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    literal = params.get("letterlijk") === "1";
    version = params.get("versie") === "makkelijk" ? "makkelijk" : null;
    chosen = {};
    params.forEach(function (value, key) {
      if (!OWN_PARAMS[key]) (chosen[key] = chosen[key] || []).push(value);
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

  function params(query, exact) {
    var out = new URLSearchParams();
    if (query.trim()) out.set("q", query);
    if (exact) out.set("letterlijk", "1");
    if (version) out.set("versie", version);
    engine.facets.forEach(function (f) {
      (chosen[f.param] || []).forEach(function (v) { out.append(f.param, v); });
    });
    return out.toString();
  }

  function writeUrl() {
    var search = params(input.value, literal);
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  }

  function prefer() {
    if (version) return version;
    var levels = chosen.niveau || [];
    return levels.length === 1 && levels[0] === "makkelijk" ? "makkelijk" : S.preferredLevel();
  }

  function facet(param) { return engine.facets.filter(function (f) { return f.param === param; })[0]; }
  function label(f, value) { return (f && f.values[value]) || value; }

  function badges(doc) {
    var box = el("p", "kp-badges kp-search-result__badges");
    var kinds = S.strings.search_result_kinds || {};
    box.appendChild(el("span", "kp-badge kp-badge--kind", kinds[doc.kind] || doc.kind));
    box.appendChild(el("span", "kp-badge" + (doc.level === "makkelijk" ? " kp-badge--easy" : ""),
      String(S.strings.search_level_label).replace("{level}", label(facet("niveau"), doc.level))));
    doc.audiences.forEach(function (a) { box.appendChild(el("span", "kp-badge kp-badge--audience", label(facet("doelgroep"), a))); });
    if (doc.language !== S.config.language) box.appendChild(el("span", "kp-badge", S.strings.search_not_translated));
    return box;
  }

  function renderResult(r) {
    var doc = r.doc;
    var item = el("li", "kp-search-result" + (doc.level === "makkelijk" ? " kp-search-result--easy" : "") + (r.bestBet ? " kp-search-result--best" : ""));
    var heading = el("h2", "kp-search-result__heading");
    if (r.bestBet) heading.appendChild(el("span", "kp-badge kp-badge--best", S.strings.search_best_bet));
    var link = el("a", "kp-search-result__link");
    link.href = S.url(doc.url);
    link.appendChild(highlighted("span", "kp-search-result__title", doc.title, r.matched));
    heading.appendChild(link);
    item.appendChild(heading);
    if (doc.language !== S.config.language) item.lang = doc.language;
    item.appendChild(highlighted("p", "kp-search-result__summary", doc.summary, r.matched));
    item.appendChild(badges(doc));
    r.docs.slice(1).forEach(function (other) {
      var p = el("p", "kp-search-result__other");
      var a = el("a", "kp-search-result__version",
        other.level === "makkelijk" ? S.strings.read_easy_version : S.strings.read_standard_version);
      a.href = S.url(other.url);
      p.appendChild(a);
      item.appendChild(p);
    });
    return item;
  }

  function renderFacets(results) {
    var counts = engine.counts(results, chosen);
    groups.textContent = "";
    engine.facets.forEach(function (f, i) {
      var picked = chosen[f.param] || [];
      var values = Object.keys(f.values).filter(function (v) { return counts[i][v] || picked.indexOf(v) !== -1; });
      /* a facet with a single value chooses nothing */
      if (values.length < 2 && !picked.length) return;
      var set = el("fieldset", "kp-search-facet");
      set.appendChild(el("legend", "", f.label));
      values.forEach(function (v) {
        var box = el("input");
        box.type = "checkbox";
        box.name = f.param;
        box.value = v;
        box.checked = picked.indexOf(v) !== -1;
        var lab = el("label", "kp-search-facet__option");
        lab.appendChild(box);
        lab.appendChild(document.createTextNode(" " + label(f, v) + " "));
        lab.appendChild(el("span", "kp-search-facet__count", "(" + (counts[i][v] || 0) + ")"));
        set.appendChild(lab);
      });
      groups.appendChild(set);
    });
    var any = groups.childNodes.length > 0;
    facetForm.hidden = !any;
    toggle.hidden = !any;
    var active = Object.keys(chosen).reduce(function (n, k) { return n + chosen[k].length; }, 0);
    toggleCount.textContent = active ? " (" + String(S.strings.search_filters_active).replace("{n}", active) + ")" : "";
  }

  function countText(n) {
    return n === 0 ? S.strings.search_count_none : n === 1 ? S.strings.search_count_one : S.format("search_count", n);
  }

  function renderCorrection(found, query) {
    correction.textContent = "";
    correction.hidden = !found.corrected;
    if (!found.corrected) return;
    var p = el("p", "kp-search-page__corrected");
    p.appendChild(withNode(S.strings.search_corrected, el("b", "", found.words.join(" "))));
    correction.appendChild(p);
    var again = el("a", "kp-search-page__as-typed");
    again.href = location.pathname + "?" + params(query, true);
    again.appendChild(withNode(S.strings.search_as_typed, el("span", "", query.slice(0, 100))));
    again.addEventListener("click", function (event) {
      event.preventDefault();
      literal = true;
      update();
      input.focus();
    });
    var q = el("p");
    q.appendChild(again);
    correction.appendChild(q);
  }

  function render() {
    var query = input.value;
    var anyFilter = Object.keys(chosen).length > 0;
    var found = query.trim() ? engine.find(query, { typing: false, prefer: prefer(), exact: literal }) : null;
    if (found && found.needWords) S.loadWords();
    var results = found ? found.results : anyFilter ? engine.all(prefer()) : [];
    var filtered = engine.filter(results, chosen);
    list.textContent = "";
    filtered.slice(0, shown).forEach(function (r) { list.appendChild(renderResult(r)); });
    list.setAttribute("data-kp-rendered", query);
    more.hidden = filtered.length <= shown;
    renderFacets(results);
    renderCorrection(found || { corrected: false }, query);
    if (!query.trim() && !anyFilter) {
      status.textContent = S.strings.search_prompt;
      empty.hidden = true;
      return;
    }
    if (filtered.length === 0) {
      status.textContent = query.trim() ? S.strings.search_no_results.replace("{q}", query.slice(0, 100)) : countText(0);
      empty.hidden = false;
    } else {
      status.textContent = countText(filtered.length) + (found && found.corrected ? ". " + S.strings.search_corrected.replace("{q}", found.words.join(" ")) : "");
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
    literal = false;
    clearTimeout(typing);
    typing = setTimeout(update, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    if (engine) update();
  });
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    facetForm.classList.toggle("kp-search-page__facets--open", open);
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
    /* re-rank when the full index or the spelling lexicon arrives, unless the reader is already in the results */
    S.onUpgrade(function () { if (!list.contains(document.activeElement)) render(); });
  }, function () {
    status.textContent = S.strings.search_error;
  });
})();
