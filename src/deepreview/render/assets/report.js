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

  // A link to a finding the filters hide (a Reconciliation or summary link, a shared URL with
  // #finding-C1) reveals it: its severity and reviewers are checked again, its card opened.
  function reveal(id) {
    var el = id ? doc.getElementById(id) : null;
    if (!el || !el.matches("article.finding")) { return false; }
    var wasHidden = el.hidden;
    if (wasHidden) {
      sevBoxes.forEach(function (box) {
        if (box.getAttribute("data-sev") === el.getAttribute("data-severity")) { box.checked = true; }
      });
      var tokens = (el.getAttribute("data-reviewers") || "").split(" ");
      revBoxes.forEach(function (box) {
        if (tokens.indexOf(box.getAttribute("data-rev")) >= 0) { box.checked = true; }
      });
      apply();
    }
    var card = el.querySelector("details");
    if (card) { card.open = true; }
    return wasHidden;
  }

  function fragment(href) {
    // Card ids are [A-Za-z0-9_-] only: nothing to decode.
    return href && href.charAt(0) === "#" ? href.slice(1) : "";
  }

  // On click, before the browser scrolls, so it scrolls to the now visible card; a click on
  // the link of the current hash fires no hashchange.
  doc.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (link) { reveal(fragment(link.getAttribute("href"))); }
  });
  window.addEventListener("hashchange", function () {
    var id = fragment(location.hash);
    if (reveal(id)) { doc.getElementById(id).scrollIntoView(); }
  });

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
  // Opened with #finding-X while the browser restored unchecked boxes: show that finding.
  if (reveal(fragment(location.hash))) { doc.getElementById(fragment(location.hash)).scrollIntoView(); }
})();
