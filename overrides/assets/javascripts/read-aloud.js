/* "Lees voor": reads an easy-read page aloud with the browser's own speech synthesis and
   highlights the sentence being read. Only a local voice (localService) is used, because a
   network voice sends the page text to a speech service. Without a local voice for the
   page's language (nl-NL or nl-BE for Dutch), or without speech synthesis at all, the button
   stays, disabled, with one easy sentence on how to turn a voice on. */
(function () {
  var box = document.querySelector("[data-kp-read-aloud]");
  var article = document.querySelector(".kp-easy-read");
  if (!box || !article) return;
  var synth = window.speechSynthesis;
  var button = box.querySelector("[data-kp-read-aloud-button]");
  var label = box.querySelector("[data-kp-read-aloud-label]");
  var note = box.querySelector("[data-kp-read-aloud-note]");

  function setAvailable(available) {
    button.disabled = !available;
    if (note) note.hidden = available;
    box.hidden = false;
  }

  if (!synth || !window.SpeechSynthesisUtterance) { setAvailable(false); return; }
  var language = (article.closest("[lang]") || document.documentElement).getAttribute("lang") || "nl";
  var PREFERRED = { nl: ["nl-NL", "nl-BE"] };
  var HIGHLIGHT = "kp-read-aloud";
  var voice = null, queue = [], reading = false, marked = null, run = 0;

  function pickVoice() {
    var base = language.split("-")[0].toLowerCase();
    var local = synth.getVoices().filter(function (v) {
      return v.localService && v.lang && v.lang.replace("_", "-").split("-")[0].toLowerCase() === base;
    });
    var preferred = PREFERRED[base] || [];
    local.sort(function (a, b) { return rank(a) - rank(b); });
    function rank(v) { var i = preferred.indexOf(v.lang.replace("_", "-")); return i === -1 ? preferred.length : i; }
    voice = local[0] || null;
    setAvailable(!!voice);
    if (!voice && reading) stop();
  }

  /* Text nodes of one block, joined, so a sentence can be mapped back to a DOM Range. */
  function sentencesOf(block) {
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) { return node.parentElement.closest("[aria-hidden=true], .kp-pictogram") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
    });
    var nodes = [], text = "", node;
    while ((node = walker.nextNode())) { nodes.push({ node: node, start: text.length }); text += node.data; }
    return split(text).map(function (s) { return { text: s.text.trim(), range: toRange(nodes, s.start, s.end) }; })
      .filter(function (s) { return /\w/.test(s.text); });
  }

  function split(text) {
    if (window.Intl && Intl.Segmenter) {
      return Array.from(new Intl.Segmenter(language, { granularity: "sentence" }).segment(text), function (s) {
        return { text: s.segment, start: s.index, end: s.index + s.segment.length };
      });
    }
    var out = [], re = /[^.!?]+[.!?]*\s*/g, m;
    while ((m = re.exec(text))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    return out;
  }

  function toRange(nodes, start, end) {
    var range = document.createRange();
    function locate(offset, isEnd) {
      for (var i = nodes.length - 1; i >= 0; i--) {
        if (nodes[i].start < offset || (!isEnd && nodes[i].start === offset)) return { node: nodes[i].node, offset: offset - nodes[i].start };
      }
      return { node: nodes[0].node, offset: 0 };
    }
    var a = locate(start, false), b = locate(end, true);
    range.setStart(a.node, Math.min(a.offset, a.node.length));
    range.setEnd(b.node, Math.min(b.offset, b.node.length));
    return range;
  }

  function blocks() {
    return Array.prototype.filter.call(article.querySelectorAll("h1, h2, h3, h4, p, li, dt, dd, td, th"), function (el) {
      return !el.parentElement.closest("p, li, dt, dd, td, th") && el.offsetParent !== null;
    });
  }

  function mark(sentence) {
    unmark();
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set(HIGHLIGHT, new Highlight(sentence.range));
    } else {
      marked = sentence.range.commonAncestorContainer;
      if (marked.nodeType !== 1) marked = marked.parentElement;
      marked.classList.add("kp-read-aloud--current");
    }
    var rect = sentence.range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      (sentence.range.startContainer.parentElement || article).scrollIntoView({ block: "center" });
    }
  }

  function unmark() {
    if (window.CSS && CSS.highlights) CSS.highlights.delete(HIGHLIGHT);
    if (marked) { marked.classList.remove("kp-read-aloud--current"); marked = null; }
  }

  function next() {
    if (!reading) return;
    var sentence = queue.shift();
    if (!sentence) { stop(); return; }
    var mine = run; /* events of a cancelled run must not move this one on */
    var utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onstart = function () { if (mine === run) mark(sentence); };
    utterance.onend = function () { if (mine === run) next(); };
    utterance.onerror = function () { if (mine === run) stop(); };
    synth.speak(utterance);
  }

  function start() {
    run += 1;
    synth.cancel();
    queue = [];
    blocks().forEach(function (block) { queue = queue.concat(sentencesOf(block)); });
    reading = true;
    label.textContent = box.getAttribute("data-label-stop");
    next();
  }

  function stop() {
    run += 1;
    reading = false;
    queue = [];
    synth.cancel();
    unmark();
    label.textContent = box.getAttribute("data-label-start");
  }

  button.addEventListener("click", function () { reading ? stop() : start(); });
  window.addEventListener("pagehide", stop);
  if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", pickVoice);
  pickVoice();
})();
