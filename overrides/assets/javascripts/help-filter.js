/* Filter the help directory by audience. Without JavaScript every entry stays visible. */
(function () {
  var filters = document.querySelector("[data-kp-help-filters]");
  if (!filters) return;
  var boxes = filters.querySelectorAll("[data-kp-help-filter]");
  var entries = document.querySelectorAll(".kp-help__entry[data-audiences]");
  var params = new URLSearchParams(location.search);
  var chosen = params.getAll("doelgroep");
  boxes.forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });

  function apply() {
    var wanted = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; });
    entries.forEach(function (entry) {
      var audiences = entry.getAttribute("data-audiences").split(" ");
      entry.hidden = wanted.length > 0 && !wanted.some(function (a) { return audiences.indexOf(a) !== -1; });
    });
    var query = new URLSearchParams(location.search);
    query.delete("doelgroep");
    wanted.forEach(function (a) { query.append("doelgroep", a); });
    var search = query.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  filters.hidden = false;
  apply();
})();
