/* Narrow an audience route (the professionals' hub) by type and region, in the page: the
   choice lives in the URL (?soort=protocol&regio=vlaanderen), so it can be shared or bookmarked,
   and it works from file:// too. A region includes the products written for both regions.
   Without JavaScript the form stays hidden and every product shows. */
(function () {
  var form = document.querySelector("[data-kp-route-filter]");
  if (!form) return;
  var type = form.querySelector("select[name=soort]");
  var region = form.querySelector("select[name=regio]");
  var status = form.querySelector("[data-kp-route-filter-status]");
  var content = form.closest(".md-content") || document;
  /* The filter narrows the lists that follow it ("Begin hier" above it stays as chosen). */
  function after(el) { return form.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING; }
  var cards = Array.prototype.filter.call(content.querySelectorAll(".kp-card[data-kp-type]"), after);
  var lists = Array.prototype.filter.call(content.querySelectorAll(".kp-cards"), after);
  var params = new URLSearchParams(location.search);

  function setFrom(select, value) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    select.value = known ? value : "";
  }
  setFrom(type, params.get("soort") || "");
  setFrom(region, params.get("regio") || "");

  /* The heading of a group (and the group) hides when none of its cards is left. */
  function sectionOf(list) {
    var heading = list.previousElementSibling;
    while (heading && !/^H2$/.test(heading.tagName)) heading = heading.previousElementSibling;
    return heading;
  }

  function apply(updateUrl) {
    var wantType = type.value, wantRegion = region.value, shown = 0;
    cards.forEach(function (card) {
      var cardRegion = card.getAttribute("data-kp-region");
      var ok = (!wantType || card.getAttribute("data-kp-type") === wantType) &&
               (!wantRegion || cardRegion === wantRegion || cardRegion === "algemeen");
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    lists.forEach(function (list) {
      var any = list.querySelector(".kp-card:not([hidden])") !== null;
      list.hidden = !any;
      var heading = sectionOf(list);
      if (heading) heading.hidden = !any;
    });
    var filtered = wantType || wantRegion;
    status.textContent = !filtered ? "" : shown === 0 ? status.getAttribute("data-none") :
      shown === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many").replace("{n}", shown);
    if (!updateUrl) return;
    var query = new URLSearchParams(location.search);
    query.delete("soort");
    query.delete("regio");
    if (wantType) query.set("soort", wantType);
    if (wantRegion) query.set("regio", wantRegion);
    var search = query.toString();
    try {
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    } catch (error) { /* some browsers refuse history changes from file://: the filter still works */ }
  }

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.hidden = false;
  apply(false);
})();
