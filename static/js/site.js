// On narrow screens, fold the filter form away so the results come first; it stays open
// when it has a message to show. Without JavaScript the form is simply always open.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.matchMedia("(max-width: 52rem)").matches) return;
  document.querySelectorAll("details.filters").forEach(function (details) {
    if (!details.querySelector(".errorlist")) details.open = false;
  });
});
