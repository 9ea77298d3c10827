/* 2.1.1 / 2.4.3: the theme's navigation drawer (below 1220px) opens through a <label> for a
   hidden checkbox, which the keyboard cannot reach. Here the menu button becomes a real
   button for the keyboard: Enter or Space opens the drawer and moves focus into it, Escape
   closes it and returns focus, and moving focus out of the drawer closes it.
   (accessibility.css keeps the closed drawer's links out of the Tab order.) */
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  var nav = drawer.querySelector("nav[aria-label]");
  var label = nav ? nav.getAttribute("aria-label") : "Menu";

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", label);
  button.setAttribute("aria-controls", "__drawer_nav");
  drawer.id = drawer.id || "__drawer_nav";

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }

  function set(open, focusBack) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    }
    sync();
    if (open) {
      var first = drawer.querySelector("a[href], [tabindex='0']");
      if (first) setTimeout(function () { first.focus(); }, 0);
    } else if (focusBack) {
      button.focus();
    }
  }

  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); set(!toggle.checked, false); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) set(false, true);
  });
  document.addEventListener("focusin", function (event) {
    if (toggle.checked && !drawer.contains(event.target) && event.target !== button) set(false, false);
  });
  toggle.addEventListener("change", sync);
  sync();
})();
