(function () {
  "use strict";
  // Progressive enhancement only: without this script every finding is shown, and the filter
  // bar stays hidden. Nothing here reads report text; it toggles elements by data attributes.
  var doc = document;
  var bar = doc.getElementById("filters");
  var findings = Array.prototype.slice.call(doc.querySelectorAll("article.finding"));
  var groups = Array.prototype.slice.call(doc.querySelectorAll("section.sev-group"));
  var status = doc.getElementById("filter-status");

  function boxes(attr) {
    return Array.prototype.slice.call(doc.querySelectorAll("input[" + attr + "]"));
  }
  var sevBoxes = boxes("data-sev");
  var revBoxes = boxes("data-rev");

  function checked(list, attr) {
    var out = {};
    list.forEach(function (box) { out[box.getAttribute(attr)] = box.checked; });
    return out;
  }

  function apply() {
    var sev = checked(sevBoxes, "data-sev");
    var rev = checked(revBoxes, "data-rev");
    var shown = 0;
    findings.forEach(function (el) {
      var tokens = (el.getAttribute("data-reviewers") || "").split(" ");
      var byRev = revBoxes.length === 0 || tokens.some(function (t) { return rev[t]; });
      var visible = sev[el.getAttribute("data-severity")] !== false && byRev;
      el.hidden = !visible;
      if (visible) { shown += 1; }
    });
    groups.forEach(function (group) {
      var members = group.querySelectorAll("article.finding");
      var any = Array.prototype.some.call(members, function (el) { return !el.hidden; });
      var note = group.querySelector(".filtered-out");
      if (note) { note.hidden = any || members.length === 0; }
      group.hidden = sev[group.getAttribute("data-severity")] === false;
    });
    if (status) {
      status.textContent = shown === findings.length
        ? "Showing all " + findings.length + " findings"
        : "Showing " + shown + " of " + findings.length + " findings";
    }
  }

  sevBoxes.concat(revBoxes).forEach(function (box) { box.addEventListener("change", apply); });

  Array.prototype.forEach.call(doc.querySelectorAll("button[data-details]"), function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("data-details") === "open";
      Array.prototype.forEach.call(doc.querySelectorAll("details"), function (d) { d.open = open; });
    });
  });

  // Print everything: open collapsed sections for the printout, restore them afterwards.
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    reopened = Array.prototype.filter.call(doc.querySelectorAll("details"), function (d) {
      return !d.open;
    });
    reopened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (d) { d.open = false; });
    reopened = [];
  });

  if (bar) { bar.hidden = false; }
  apply();
})();
