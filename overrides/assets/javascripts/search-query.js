/* From what a reader types to ranked results: the browser twin of
   scripts/kennisplein/search/query.py (same clauses, same order of ties, same
   grouping of a page's versions and best bets) and of spelling.py (corrections
   from the lexicon), plus facet counts and highlighting. The typed text never
   reaches lunr's query parser, so its syntax characters (* ~ ^ : + -) are only
   separators. */
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
    /* every term the synonyms name, with the terms of its groups: corrected only within them (query.synonym_words) */
    var synonymWords = this.synonymWords = Object.create(null);
    this.synonyms.forEach(function (group) {
      var members = Object.create(null);
      group.forEach(function (phrase) { phrase.forEach(function (t) { if (t.indexOf("=") !== 0) members[t] = true; }); });
      Object.keys(members).forEach(function (t) {
        var own = synonymWords[t] = synonymWords[t] || Object.create(null);
        for (var m in members) own[m] = true;
      });
    });
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
    this.bestBets = payload.bestBets || [];
    this.kindWords = payload.kindWords || {};
    this.hintWords = payload.hintWords || {};
    var stopWords = this.stopWords = Object.create(null);
    (payload.stopWords || []).forEach(function (w) { stopWords[w] = true; });
    this.wordsFile = payload.words || null;
    this.speller = null;
    this.fields = payload.fields;
    var members = this.members = Object.create(null);
    this.docs.forEach(function (doc, i) { (members[doc.group] = members[doc.group] || []).push(i); });
  }

  Engine.prototype.upgrade = function (payload) {
    this.index = lunr.Index.load(expand(payload.index));
    this.tier = "full";
  };

  Engine.prototype.setWords = function (payload) { this.speller = new Speller(payload.words); };

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

  function phrasePositions(terms, phrase) {
    var out = [];
    for (var i = 0; i + phrase.length <= terms.length; i++) {
      var all = true;
      for (var j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) { all = false; break; }
      if (all) for (j = 0; j < phrase.length; j++) if (out.indexOf(i + j) === -1) out.push(i + j);
    }
    return out;
  }

  function union(a, b) {
    var out = a.slice();
    b.forEach(function (x) { if (out.indexOf(x) === -1) out.push(x); });
    return out.sort(function (x, y) { return x - y; });
  }

  /* a synonym phrase of stop words ("wil ik niet") ships as its words as typed, marked (query.STOP_PHRASE) */
  var STOP_PHRASE = "=";
  function isStopPhrase(phrase) { return phrase.length > 0 && phrase[0].indexOf(STOP_PHRASE) === 0; }

  function said(words, phrase) {
    return !!words && isStopPhrase(phrase) && phrasePositions(words, phrase[0].slice(STOP_PHRASE.length).split(" ")).length > 0;
  }

  /* [extra term, positions of the query words it stands in for], as query.synonym_sources; ``words``: the query
     as typed, stop words included, for the phrases of stop words. */
  Engine.prototype.synonymSources = function (queryTerms, words) {
    var order = [], extra = Object.create(null);
    this.synonyms.forEach(function (group) {
      var positions = [];
      group.forEach(function (phrase) { positions = union(positions, phrasePositions(queryTerms, phrase)); });
      if (!positions.length && !group.some(function (phrase) { return said(words, phrase); })) return;
      group.forEach(function (phrase) {
        if (isStopPhrase(phrase)) return;
        phrase.forEach(function (t) {
          if (queryTerms.indexOf(t) !== -1) return;
          if (extra[t]) extra[t] = union(extra[t], positions);
          else { extra[t] = positions; order.push(t); }
        });
      });
    });
    return order.map(function (t) { return [t, extra[t]]; });
  };

  Engine.prototype.synonymTerms = function (queryTerms) {
    return this.synonymSources(queryTerms).map(function (pair) { return pair[0]; });
  };

  Engine.prototype.known = function (term) {
    return Object.prototype.hasOwnProperty.call(this.index.invertedIndex, term);
  };

  /* Whether some index term starts with ``term``: a walk down lunr's own token trie, no word list to build. */
  Engine.prototype.hasPrefix = function (term) {
    var node = this.index.tokenSet;
    for (var i = 0; node && i < term.length; i++) node = node.edges[term.charAt(i)];
    return !!node;
  };

  Engine.prototype.typedClauses = function (typed, typing, withVocabulary, words) {
    var s = this.settings, self = this, out = [];
    var queryTerms = typed.map(function (t) { return t[1]; });
    typed.forEach(function (pair, position) {
      var term = pair[1];
      out.push({ term: term, boost: s.exact_boost, of: [position] });
      var last = position === typed.length - 1;
      if (last && term.length >= s.prefix_min && (typing || !withVocabulary || !self.known(term))) {
        out.push({ term: term, boost: s.prefix_boost, prefix: true, of: [position] });
      }
    });
    this.synonymSources(queryTerms, words).forEach(function (pair) { out.push({ term: pair[0], boost: s.synonym_boost, of: pair[1] }); });
    return out;
  };

  /* As query.clauses with its defaults (typing, no vocabulary): what the parity test compares. */
  Engine.prototype.typedWords = function (text) { return P.tokenize(String(text).slice(0, this.settings.max_chars)); };

  Engine.prototype.clauses = function (text) { return this.typedClauses(this.terms(text), true, false, this.typedWords(text)); };

  Engine.prototype.run = function (wanted) {
    return this.index.query(function (q) {
      wanted.forEach(function (c) {
        var clause = { boost: c.boost, usePipeline: false };
        if (c.prefix) clause.wildcard = lunr.Query.wildcard.TRAILING;
        q.term(c.term, clause);
      });
    });
  };

  /* lunr's own ranking, best first: {ref, score, doc, matched: {indexTerm: true}}. */
  Engine.prototype.search = function (text) {
    var wanted = this.clauses(text);
    if (!wanted.length) return [];
    var docs = this.docs;
    return this.run(wanted).map(function (r) {
      return { ref: r.ref, score: Math.round(r.score * 1e9) / 1e9, doc: docs[+r.ref], matched: r.matchData.metadata };
    }).sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
  };

  /* --- spelling (spelling.py) --- */
  var SLIPS = [["ij", "ei"], ["y", "ei"], ["x", "ks"], ["ck", "k"], ["c", "k"], ["q", "k"], ["au", "ou"], ["ph", "f"], ["dt", "t"]];
  var MIN_WORD = 4, MIN_PART = 3;

  function key(word) {
    var w = P.fold(P.normalise(word));
    SLIPS.forEach(function (pair) { w = w.split(pair[0]).join(pair[1]); });
    if (w.slice(-1) === "d") w = w.slice(0, -1) + "t";
    return w.replace(/(.)\1+/g, "$1");
  }

  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        current.push(value);
        if (value < best) best = value;
      }
      if (best > limit) return limit + 1;
      previous = current;
    }
    return previous[b.length];
  }

  function Speller(rows) {
    var byKey = this.byKey = Object.create(null), byLength = this.byLength = Object.create(null);
    var terms = this.terms = Object.create(null);
    this.rows = rows;
    rows.forEach(function (row, position) {
      terms[row[1]] = true;
      var k = key(row[0]);
      if (byKey[k]) return;
      byKey[k] = row;
      (byLength[k.length] = byLength[k.length] || []).push([k, position]);
    });
  }

  Speller.prototype.correct = function (word) {
    var k = key(word);
    if (k.length < MIN_WORD) return [];
    if (this.byKey[k]) return [this.byKey[k]];
    for (var cut = MIN_PART; cut <= k.length - MIN_PART; cut++) {
      var left = this.byKey[k.slice(0, cut)], right = this.byKey[k.slice(cut)];
      if (left && right) return [left, right];
    }
    var limit = k.length <= 7 ? 1 : 2, best = null;
    for (var length = k.length - limit; length <= k.length + limit; length++) {
      (this.byLength[length] || []).forEach(function (entry) {
        var cap = best ? best[0] : limit;
        var d = distance(k, entry[0], cap);
        if (d <= cap && (!best || d < best[0] || (d === best[0] && entry[1] < best[1]))) best = [d, entry[1]];
      });
    }
    return best ? [this.rows[best[1]]] : [];
  };

  Engine.prototype.correct = function (typed, typing) {
    var sp = this.speller, self = this, out = [], changed = false;
    typed.forEach(function (pair, position) {
      var last = position === typed.length - 1;
      if (sp.terms[pair[1]] || self.known(pair[1]) || (last && typing && self.hasPrefix(pair[1]))) { out.push(pair); return; }
      var rows = sp.correct(pair[0]), own = self.synonymWords[pair[1]];
      if (own && !rows.every(function (row) { return own[row[1]]; })) rows = [];
      if (!rows.length) { out.push(pair); return; }
      changed = true;
      rows.forEach(function (row) { out.push([row[0], row[1]]); });
    });
    var seen = Object.create(null), unique = [];
    out.forEach(function (pair) { if (!seen[pair[1]]) { seen[pair[1]] = true; unique.push(pair); } });
    return [unique, changed];
  };

  function covered(wanted, metadata) {
    var out = [];
    wanted.forEach(function (c) {
      var hit = Object.prototype.hasOwnProperty.call(metadata, c.term);
      if (!hit && c.prefix) for (var m in metadata) if (m.indexOf(c.term) === 0) { hit = true; break; }
      if (hit) c.of.forEach(function (p) { if (out.indexOf(p) === -1) out.push(p); });
    });
    return out.length;
  }

  /* What the page and the header show, as query.find: one result per page (its versions together, the
     reader's level first), lunr's score times the share of the query's words matched, a best bet first.
     options: typing (the last word may be half typed), prefer ("makkelijk" or "standaard"), exact (no correction).
     Returns {results: [{refs, docs, doc, score, bestBet, matched}], words, corrected, needWords}. */
  Engine.prototype.find = function (text, options) {
    options = options || {};
    var s = this.settings, self = this, typed = this.terms(text), corrected = false, needWords = false;
    var typing = !!options.typing, prefer = options.prefer || "standaard";
    if (!options.exact && typed.length) {
      if (this.speller) {
        var fixed = this.correct(typed, typing);
        typed = fixed[0]; corrected = fixed[1];
      } else {
        needWords = !!this.wordsFile && typed.some(function (pair, position) {
          var last = position === typed.length - 1;
          return !self.known(pair[1]) && !(last && typing && self.hasPrefix(pair[1]));
        });
      }
    }
    var words = typed.map(function (pair) { return pair[0]; });
    /* words that name a kind of result ("filmpje") rank that kind first instead of being searched for (query.steer) */
    var kindWords = this.kindWords, named = Object.create(null), asked = Object.create(null);
    var rest = typed.filter(function (pair) {
      if (!Object.prototype.hasOwnProperty.call(kindWords, pair[1])) return true;
      named[kindWords[pair[1]]] = true;
      return false;
    });
    if (rest.length) typed = rest;
    /* stop words that name a kind ("met wie kan ik praten": the help directory) steer too, less (query.asked_kinds) */
    var stopWords = this.stopWords;
    P.tokenize(String(text).slice(0, s.max_chars)).forEach(function (word) {
      if (stopWords[word] && Object.prototype.hasOwnProperty.call(kindWords, word)) asked[kindWords[word]] = true;
    });
    /* words that hint at a kind ("organisaties") are searched for and raise it a little (query.find) */
    var hintWords = this.hintWords;
    typed.forEach(function (pair) {
      if (Object.prototype.hasOwnProperty.call(hintWords, pair[1])) asked[hintWords[pair[1]]] = true;
    });
    var wanted = this.typedClauses(typed, typing, true, this.typedWords(text));
    if (!wanted.length) return { results: [], words: [], corrected: false, needWords: needWords };
    var n = typed.length, docs = this.docs, matchedBy = Object.create(null);
    var queryTerms = typed.map(function (pair) { return pair[1]; });
    /* the query is the title of a product or a term ("seksualiteit": the glossary's term) (query.find) */
    var titleCache = this.titleTermsCache || (this.titleTermsCache = Object.create(null));
    function isTitle(doc, ref) {
      if (s.title_match_kinds.indexOf(doc.kind) === -1) return false;
      /* a title's terms once per result (a query may match thousands) */
      var titleTerms = titleCache[ref] || (titleCache[ref] = self.terms(doc.title).map(function (pair) { return pair[1]; }));
      return titleTerms.length === queryTerms.length && titleTerms.every(function (t) { return queryTerms.indexOf(t) !== -1; });
    }
    var scored = this.run(wanted).map(function (r) {
      var share = covered(wanted, r.matchData.metadata) / n;
      var kind = docs[+r.ref].kind;
      var boost = named[kind] ? s.named_kind_boost : asked[kind] ? s.kind_boost : 1;
      if (isTitle(docs[+r.ref], r.ref)) boost *= s.title_match_boost;
      matchedBy[r.ref] = r.matchData.metadata;
      return [+r.ref, Math.round(r.score * Math.pow(share, s.coverage_power) * boost * 1e9) / 1e9];
    }).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    var bet = null;
    if (n <= s.best_bet_max_terms) {
      this.bestBets.some(function (b) {
        if (b.terms.some(function (t) { return queryTerms.indexOf(t) !== -1; })) { bet = b.group; return true; }
        return false;
      });
    }
    var members = this.members, order = [], best = Object.create(null);
    if (bet !== null && members[bet]) order.push(bet);
    scored.forEach(function (pair) {
      var group = docs[pair[0]].group;
      order.push(group);
      if (!(group in best)) best[group] = pair[1];
    });
    var seen = Object.create(null), results = [];
    order.forEach(function (name) {
      if (seen[name]) return;
      seen[name] = true;
      var refs = members[name].slice().sort(function (a, b) {
        return ((docs[a].level !== prefer) - (docs[b].level !== prefer)) || a - b;
      });
      var matched = Object.create(null);
      refs.forEach(function (ref) { var m = matchedBy[ref]; if (m) for (var t in m) matched[t] = true; });
      results.push({ refs: refs, docs: refs.map(function (r) { return docs[r]; }), doc: docs[refs[0]], ref: String(refs[0]),
                     score: name in best ? best[name] : 0, bestBet: name === bet, matched: matched });
    });
    return { results: results, words: words, corrected: corrected, needWords: needWords };
  };

  /* Every page in title order, one result per page: the result list when only filters are chosen. */
  Engine.prototype.all = function (prefer) {
    var docs = this.docs, members = this.members;
    return Object.keys(members).map(function (name) {
      var refs = members[name].slice().sort(function (a, b) {
        return ((docs[a].level !== (prefer || "standaard")) - (docs[b].level !== (prefer || "standaard"))) || a - b;
      });
      return { refs: refs, docs: refs.map(function (r) { return docs[r]; }), doc: docs[refs[0]], ref: String(refs[0]), score: 0, bestBet: false, matched: {} };
    }).sort(function (a, b) { return a.doc.title.localeCompare(b.doc.title); });
  };

  function values(doc, facet) {
    var v = doc[facet.field], list = Array.isArray(v) ? v : [v];
    if (facet.also) {
      var more = [];
      list.forEach(function (x) { if (facet.also[x]) more = more.concat(facet.also[x]); });
      list = list.concat(more);
    }
    return list;
  }

  function passes(doc, chosen, facets, skip) {
    return facets.every(function (f) {
      var want = chosen[f.param];
      if (f.param === skip || !want || !want.length) return true;
      var have = values(doc, f);
      return want.some(function (w) { return have.indexOf(w) !== -1; });
    });
  }

  /* Within a facet the chosen values are alternatives; facets narrow each other. A page passes when one of
     its versions does, and then shows only the versions that pass. */
  Engine.prototype.filter = function (results, chosen) {
    var facets = this.facets, out = [];
    results.forEach(function (r) {
      var keep = r.docs.filter(function (doc) { return passes(doc, chosen, facets, null); });
      if (!keep.length) return;
      if (keep.length === r.docs.length) { out.push(r); return; }
      var refs = r.refs.filter(function (ref, i) { return keep.indexOf(r.docs[i]) !== -1; });
      out.push({ refs: refs, docs: keep, doc: keep[0], ref: String(refs[0]), score: r.score, bestBet: r.bestBet, matched: r.matched });
    });
    return out;
  };

  /* Per facet value: how many results (pages) it would show, given the other facets' choices. */
  Engine.prototype.counts = function (results, chosen) {
    var facets = this.facets;
    return facets.map(function (f) {
      var counts = Object.create(null);
      results.forEach(function (r) {
        var here = Object.create(null);
        r.docs.forEach(function (doc) {
          if (!passes(doc, chosen, facets, f.param)) return;
          values(doc, f).forEach(function (v) { here[v] = true; });
        });
        for (var v in here) counts[v] = (counts[v] || 0) + 1;
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

  Engine.key = key;
  window.KpSearchEngine = Engine;
})();
