/* Filter the video index by topic, audience and accessibility feature, without a page reload.
   Within a group any ticked value matches, across groups all must; the choice lives in the URL
   (?onderwerp=privacy&kenmerk=audio-description), so a filtered list can be shared or bookmarked.
   Without JavaScript the filters stay hidden and every video is listed. */
(function () {
  var form = document.querySelector("[data-kp-video-filters]");
  if (!form) return;
  var boxes = Array.prototype.slice.call(form.querySelectorAll("[data-kp-video-filter]"));
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-kp-video-card]"));
  var status = document.querySelector("[data-kp-video-count]");
  var params = new URLSearchParams(location.search);
  boxes.forEach(function (box) { box.checked = params.getAll(box.name).indexOf(box.value) !== -1; });

  function chosen() {
    var groups = {};
    boxes.forEach(function (box) {
      if (!box.checked) return;
      var key = box.getAttribute("data-kp-video-filter");
      (groups[key] = groups[key] || []).push(box.value);
    });
    return groups;
  }

  function matches(card, groups) {
    return Object.keys(groups).every(function (key) {
      var values = (card.getAttribute("data-" + key) || "").split(" ");
      return groups[key].some(function (value) { return values.indexOf(value) !== -1; });
    });
  }

  function count(shown) {
    if (!status) return;
    var text = shown === 0 ? status.getAttribute("data-none")
      : shown === 1 ? status.getAttribute("data-one")
      : status.getAttribute("data-many").replace("{n}", shown);
    if (status.textContent !== text) status.textContent = text;
  }

  function apply() {
    var groups = chosen();
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card, groups);
      if (!card.hidden) shown += 1;
    });
    count(shown);
    var query = new URLSearchParams(location.search);
    boxes.forEach(function (box) { query.delete(box.name); });
    boxes.forEach(function (box) { if (box.checked) query.append(box.name, box.value); });
    var search = query.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
