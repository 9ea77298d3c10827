/* Quick exit ("Snel weg"), after GOV.UK's "Exit this page".
   The button, or Shift pressed three times within 5 seconds, hides the page at once and
   replaces it (location.replace) with the neutral site, so Back does not return to it.
   It cannot erase the browser history: docs/veilig-bezoeken.md tells readers so. */
(function () {
  var root = document.querySelector("[data-kp-quick-exit]");
  if (!root) return;
  var button = root.querySelector("[data-kp-quick-exit-button]");
  var status = root.querySelector("[data-kp-quick-exit-status]");
  var target = button.getAttribute("href");
  var header = document.querySelector(".md-header");
  var PRESSES = 3, WINDOW_MS = 5000;
  var presses = 0, timer = null;

  function exit() {
    document.documentElement.classList.add("kp-exiting");
    document.title = "";
    window.location.replace(target);
  }

  function reset() {
    presses = 0;
    clearTimeout(timer);
    timer = null;
    if (status) status.textContent = "";
  }

  button.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    exit();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { reset(); return; }
    if (event.repeat) return;
    presses += 1;
    if (presses >= PRESSES) { reset(); exit(); return; }
    if (!timer) timer = setTimeout(reset, WINDOW_MS);
    if (status) status.textContent = status.getAttribute("data-message").replace("{n}", PRESSES - presses);
  }, true);

  /* A page restored from the back/forward cache must never stay hidden. */
  window.addEventListener("pageshow", function () { document.documentElement.classList.remove("kp-exiting"); });

  if (header && "ResizeObserver" in window) {
    new ResizeObserver(function () {
      document.documentElement.style.setProperty("--kp-header-height", header.offsetHeight + "px");
    }).observe(header);
  }
})();
