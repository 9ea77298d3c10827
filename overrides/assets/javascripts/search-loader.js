/* Loads the search only when a reader wants it: nothing of the index (or lunr)
   is fetched until a search field is focused. Scripts are added as <script>
   elements rather than fetched, so a copy opened from file:// searches too.
   The small title-and-summary index answers first; the full-text index follows
   and results are re-ranked when it arrives. Nothing typed is sent or stored. */
(function () {
  "use strict";
  var configElement = document.querySelector("script[data-kp-search-config]");
  if (!configElement) return;
  var config = JSON.parse(configElement.textContent);
  var root = configElement.getAttribute("data-kp-root") || ".";
  var engine = null, loading = null, upgradeListeners = [], pending = {};

  /* A site-root-relative path as a URL for this page; from file:// a folder means its index.html. */
  function url(path) {
    var resolved = new URL(path, new URL(root.replace(/\/?$/, "/"), location.href));
    if (resolved.protocol === "file:" && /\/$/.test(resolved.pathname)) resolved.pathname += "index.html";
    return resolved.href;
  }

  function addScript(src, onerror) {
    var script = document.createElement("script");
    script.src = src;
    script.async = false; /* keep the order: lunr, pipeline, query code, then the index */
    script.onerror = onerror;
    document.head.appendChild(script);
  }

  function load() {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      pending.instant = resolve;
      var failed = function () { loading = null; reject(new Error("search could not load")); };
      config.scripts.forEach(function (path) { addScript(url(path), failed); });
      addScript(url(config.index), failed);
    });
    return loading;
  }

  /* The full index is the larger download, and taking it in blocks the page for a moment (a hundred ms or more
     at thousands of pages). It is requested at once when nobody is typing (a search page opened from a link),
     and otherwise as soon as the reader pauses, so it never lands between two keystrokes of the first query. */
  var PAUSE_MS = 400, fullTimer = null, fullSrc = null, lastInput = -Infinity;

  function requestFull() {
    if (!fullSrc) return;
    addScript(fullSrc, function () { /* the titles index keeps answering */ });
    fullSrc = null;
  }

  function scheduleFull() {
    clearTimeout(fullTimer);
    if (fullSrc) fullTimer = setTimeout(requestFull, Math.max(0, lastInput + PAUSE_MS - Date.now()));
  }

  document.addEventListener("input", function () { lastInput = Date.now(); scheduleFull(); }, true);

  function receive(payload) {
    /* The index files pass their JSON as a string: JSON.parse reads it much faster than a script literal. */
    if (typeof payload.json === "string") payload = JSON.parse(payload.json);
    if (payload.tier === "instant") {
      engine = new window.KpSearchEngine(payload);
      pending.instant(engine);
      fullSrc = url(config.index).replace(/[^/]*$/, payload.full);
      scheduleFull();
    } else if (payload.tier === "full" && engine) {
      engine.upgrade(payload);
      upgradeListeners.forEach(function (fn) { fn(engine); });
    } else if (payload.tier === "words" && engine) {
      engine.setWords(payload);
      upgradeListeners.forEach(function (fn) { fn(engine); });
    }
  }

  /* The spelling lexicon: requested only when a typed word is in no index, once. */
  var wordsRequested = false;
  function loadWords() {
    if (wordsRequested || !engine || !engine.wordsFile) return;
    wordsRequested = true;
    addScript(url(config.index).replace(/[^/]*$/, engine.wordsFile), function () { /* no corrections, results stay */ });
  }

  /* Whom the results are for: easy-read first on an easy-read page and on the clients' route
     (components/search-header.html marks them); the search page adds its own choices. */
  function preferredLevel() {
    return configElement.getAttribute("data-kp-prefer") === "makkelijk" ? "makkelijk" : "standaard";
  }

  function searchPageUrl(query, extra) {
    var target = new URL(url(config.searchPage));
    if (query) target.searchParams.set("q", query);
    if (extra) Object.keys(extra).forEach(function (k) { target.searchParams.set(k, extra[k]); });
    if (preferredLevel() === "makkelijk") target.searchParams.set("versie", "makkelijk");
    return target.href;
  }

  /* Results are built as DOM nodes, for the header and the search page alike: nothing typed is ever HTML. */
  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  /* The value with the words the query matched in <mark> (engine.marks says which). */
  function highlighted(engine, tag, className, value, matched) {
    var node = element(tag, className);
    engine.marks(value, matched).forEach(function (piece) {
      node.appendChild(piece[1] ? element("mark", "", piece[0]) : document.createTextNode(piece[0]));
    });
    return node;
  }

  /* A ui string with "{q}" filled by a node (text or element), never by HTML. */
  function withNode(template, node) {
    var box = document.createDocumentFragment(), at = template.indexOf("{q}");
    if (at === -1) { box.appendChild(document.createTextNode(template)); return box; }
    box.appendChild(document.createTextNode(template.slice(0, at)));
    box.appendChild(node);
    box.appendChild(document.createTextNode(template.slice(at + 3)));
    return box;
  }

  window.kpSearch = {
    config: config,
    element: element,
    highlighted: highlighted,
    withNode: withNode,
    strings: config.strings,
    url: url,
    load: load,
    loadWords: loadWords,
    preferredLevel: preferredLevel,
    receive: receive,
    searchPageUrl: searchPageUrl,
    onUpgrade: function (fn) { upgradeListeners.push(fn); },
    format: function (key, n) { return String(config.strings[key]).replace("{n}", n); }
  };
})();
