/* The search's text analysis in the browser: the same functions, under the same
   labels, as scripts/kennisplein/search/analysis.py registers in lunr.py, so a
   prebuilt index loads with the pipeline it was built with and a typed word
   becomes the same index term on both sides. "stemmer-nl" comes from the
   vendored lunr.nl.js (lunr-languages); the rest is here. */
(function () {
  "use strict";
  var WORD = /[\p{L}\p{N}]+/gu;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var MARKS = /\p{M}+/gu;
  var MAX_TOKEN = 50;

  function normalise(text) {
    return String(text).normalize("NFC").toLowerCase();
  }

  function tokenize(text) {
    var words = normalise(text).match(WORD) || [];
    return words.map(function (w) { return w.slice(0, MAX_TOKEN); });
  }

  function trim(word) { return word.replace(EDGES, ""); }

  function fold(word) { return word.normalize("NFD").replace(MARKS, "").normalize("NFC"); }

  function register(fn, label) {
    if (!lunr.Pipeline.registeredFunctions[label]) lunr.Pipeline.registerFunction(fn, label);
  }

  register(function (token) { return token.update(trim); }, "kp-trimmer");
  register(function (token) { return token.update(fold); }, "kp-fold");
  register(function (token) { return lunr.stemmer(token); }, "stemmer-en");

  /* The stop words travel in the index file (from the stop-words package at build time). */
  function registerStopWords(language, words) {
    var stop = Object.create(null);
    words.forEach(function (w) { stop[w] = true; });
    register(function (token) {
      var s = token.toString();
      return s && !stop[s] ? token : undefined;
    }, "kp-stopwords-" + language);
  }

  window.KpPipeline = { normalise: normalise, tokenize: tokenize, trim: trim, fold: fold, registerStopWords: registerStopWords };
})();
