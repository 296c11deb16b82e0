// arsred review: select a failed check to highlight its figures; Escape clears. No network.
(function () {
  "use strict";
  function clear() {
    document.querySelectorAll(".fig.hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll("button.check[aria-pressed='true']").forEach(function (b) {
      b.setAttribute("aria-pressed", "false");
    });
  }
  function select(button) {
    var was = button.getAttribute("aria-pressed") === "true";
    clear();
    if (was) { return; }
    button.setAttribute("aria-pressed", "true");
    var keys = (button.getAttribute("data-facts") || "").split(" ").filter(Boolean);
    var first = null;
    keys.forEach(function (key) {
      document.querySelectorAll("[data-fact]").forEach(function (el) {
        if (el.getAttribute("data-fact") === key) {
          el.classList.add("hl");
          if (!first) { first = el; }
        }
      });
    });
    if (first && first.scrollIntoView) { first.scrollIntoView({block: "center"}); }
  }
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.check") : null;
    if (button) { select(button); }
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { clear(); } });
}());
