// ketalit report: filters for the claims. Fixed text shipped with ketalit (never built from the library's data): it
// reads the claims' data-* attributes and only hides or shows them. Without it every claim is shown.
(function () {
  "use strict";
  var panel = document.getElementById("filters");
  if (!panel) return;
  var selects = panel.querySelectorAll("select[data-filter]");
  var claims = document.querySelectorAll(".claim[data-verdict]");
  var status = document.getElementById("filter-status");

  function matches(claim, field, value) {
    if (!value) return true;
    var have = (claim.getAttribute("data-" + field) || "").split(" ");
    return have.indexOf(value) !== -1;
  }

  function apply() {
    var shown = 0;
    claims.forEach(function (claim) {
      var ok = true;
      selects.forEach(function (s) { ok = ok && matches(claim, s.getAttribute("data-filter"), s.value); });
      claim.classList.toggle("filtered-out", !ok);
      if (ok) shown += 1;
    });
    // a heading of a page or a kind of claim goes when none of its claims is left
    document.querySelectorAll("[data-claim-group]").forEach(function (group) {
      var left = group.querySelectorAll(".claim:not(.filtered-out)").length;
      group.classList.toggle("filtered-out", left === 0);
    });
    status.textContent = shown === claims.length
      ? "Showing all " + claims.length + " claims."
      : "Showing " + shown + " of " + claims.length + " claims.";
  }

  function reset() {
    selects.forEach(function (s) { s.value = ""; });
    apply();
  }

  // a link to a claim that the filters hide clears them, so that the link goes somewhere
  function reveal() {
    var id;
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
    var target = id && document.getElementById(id);
    if (target && target.closest(".filtered-out")) {
      reset();
      target.scrollIntoView();
    }
  }

  selects.forEach(function (s) { s.addEventListener("change", apply); });
  document.getElementById("filter-reset").addEventListener("click", reset);
  window.addEventListener("hashchange", reveal);
  panel.hidden = false;
  apply();
})();
