/* An embedded video loads nothing from its host until the reader presses the button:
   the page holds only a local poster and the address, and the iframe is made on the click. */
(function () {
  document.querySelectorAll("[data-kp-embed]").forEach(function (box) {
    var button = box.querySelector("[data-kp-embed-load]");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "kp-embed__frame";
      frame.title = box.getAttribute("data-kp-embed-title");
      frame.width = "640";
      frame.height = "360";
      frame.allow = "autoplay; fullscreen; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      frame.referrerPolicy = "strict-origin";
      frame.src = box.getAttribute("data-kp-embed-src");
      box.replaceChildren(frame);
      box.setAttribute("data-kp-embed-loaded", "");
      frame.focus();
    });
  });
})();
