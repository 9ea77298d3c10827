/* From what a reader types to ranked results: the browser twin of
   scripts/kennisplein/search/query.py (same clauses, same order of ties), plus
   facet counts and highlighting. The typed text never reaches lunr's query
   parser, so its syntax characters (* ~ ^ : + -) are only separators. */
(function () {
  "use strict";
  var P = window.KpPipeline;

  function expand(serialised) {
    serialised.invertedIndex.forEach(function (entry) {
      serialised.fields.forEach(function (field) { if (!entry[1][field]) entry[1][field] = {}; });
    });
    return serialised;
  }

  function contains(terms, phrase) {
    for (var i = 0; i + phrase.length <= terms.length; i++) {
      var all = true;
      for (var j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) { all = false; break; }
      if (all) return true;
    }
    return false;
  }

  function Engine(payload) {
    P.registerStopWords(payload.language, payload.stopWords);
    this.language = payload.language;
    this.settings = payload.settings;
    this.synonyms = payload.synonyms;
    this.facets = payload.facets;
    this.docs = payload.docs.map(function (values) {
      var doc = {};
      payload.fields.forEach(function (name, i) { doc[name] = values[i]; });
      return doc;
    });
    this.index = lunr.Index.load(expand(payload.index));
    this.tier = "instant";
    this.full = payload.full;
    this.termCache = Object.create(null);
  }

  Engine.prototype.upgrade = function (payload) {
    this.index = lunr.Index.load(expand(payload.index));
    this.tier = "full";
  };

  /* One word through the index's own pipeline: its index term, or "" for a stop word. */
  Engine.prototype.term = function (word) {
    var cached = this.termCache[word];
    if (cached !== undefined) return cached;
    var out = this.index.pipeline.runString(P.trim(P.normalise(word)));
    return (this.termCache[word] = out.length ? out[0] : "");
  };

  Engine.prototype.terms = function (text) {
    var s = this.settings, out = [], seen = Object.create(null);
    var words = P.tokenize(String(text).slice(0, s.max_chars));
    for (var i = 0; i < words.length && out.length < s.max_terms; i++) {
      var term = this.term(words[i]);
      if (term && !seen[term]) { seen[term] = true; out.push([words[i], term]); }
    }
    return out;
  };

  Engine.prototype.synonymTerms = function (queryTerms) {
    var extra = [];
    this.synonyms.forEach(function (group) {
      if (!group.some(function (phrase) { return contains(queryTerms, phrase); })) return;
      group.forEach(function (phrase) {
        phrase.forEach(function (t) { if (queryTerms.indexOf(t) === -1 && extra.indexOf(t) === -1) extra.push(t); });
      });
    });
    return extra;
  };

  Engine.prototype.clauses = function (text) {
    var s = this.settings, typed = this.terms(text), out = [];
    var queryTerms = typed.map(function (t) { return t[1]; });
    typed.forEach(function (pair, position) {
      var word = pair[0], term = pair[1];
      out.push({ term: term, boost: s.exact_boost });
      if (position === typed.length - 1 && term.length >= s.prefix_min) out.push({ term: term, boost: s.prefix_boost, prefix: true });
      if (word.length >= s.fuzzy_min) out.push({ term: term, boost: s.fuzzy_boost, fuzzy: 1 });
    });
    this.synonymTerms(queryTerms).forEach(function (term) { out.push({ term: term, boost: s.synonym_boost }); });
    return out;
  };

  /* Results best first: {ref, score, doc, matched: {indexTerm: true}}. */
  Engine.prototype.search = function (text) {
    var wanted = this.clauses(text);
    if (!wanted.length) return [];
    var raw = this.index.query(function (q) {
      wanted.forEach(function (c) {
        var clause = { boost: c.boost, usePipeline: false };
        if (c.prefix) clause.wildcard = lunr.Query.wildcard.TRAILING;
        if (c.fuzzy) clause.editDistance = c.fuzzy;
        q.term(c.term, clause);
      });
    });
    var docs = this.docs;
    return raw.map(function (r) {
      return { ref: r.ref, score: Math.round(r.score * 1e9) / 1e9, doc: docs[+r.ref], matched: r.matchData.metadata };
    }).sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
  };

  /* Every document in title order: the result list when only filters are chosen. */
  Engine.prototype.all = function () {
    return this.docs.map(function (doc, i) { return { ref: String(i), score: 0, doc: doc, matched: {} }; })
      .sort(function (a, b) { return a.doc.title.localeCompare(b.doc.title); });
  };

  function values(doc, field) {
    var v = doc[field];
    return Array.isArray(v) ? v : [v];
  }

  function passes(doc, chosen, facets, skip) {
    return facets.every(function (f) {
      var want = chosen[f.param];
      if (f.param === skip || !want || !want.length) return true;
      var have = values(doc, f.field);
      return want.some(function (w) { return have.indexOf(w) !== -1; });
    });
  }

  /* Within a facet the chosen values are alternatives; facets narrow each other. */
  Engine.prototype.filter = function (results, chosen) {
    var facets = this.facets;
    return results.filter(function (r) { return passes(r.doc, chosen, facets, null); });
  };

  /* Per facet value: how many results it would show, given the other facets' choices. */
  Engine.prototype.counts = function (results, chosen) {
    var facets = this.facets;
    return facets.map(function (f) {
      var counts = Object.create(null);
      results.forEach(function (r) {
        if (!passes(r.doc, chosen, facets, f.param)) return;
        values(r.doc, f.field).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      return counts;
    });
  };

  /* A text split into [piece, highlighted] pairs: words whose index term a result matched. */
  Engine.prototype.marks = function (text, matched) {
    var out = [], last = 0, self = this, re = /[\p{L}\p{N}]+/gu, m;
    text = String(text);
    while ((m = re.exec(text)) !== null) {
      var term = self.term(m[0]);
      if (term && Object.prototype.hasOwnProperty.call(matched, term)) {
        if (m.index > last) out.push([text.slice(last, m.index), false]);
        out.push([m[0], true]);
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  };

  window.KpSearchEngine = Engine;
})();
