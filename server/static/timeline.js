// The timelines: the JSON twin of the page drawn with vis-timeline (a day, week, month or year as the span it
// covers; across the corpus, one row per article). The table below says the same without JavaScript.
(function () {
  "use strict";
  var el = document.getElementById("timeline");
  if (!el || typeof vis === "undefined") { return; }

  fetch(el.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(draw)
    .catch(function (err) {
      el.classList.add("failed");
      el.textContent = "The drawing could not be made (" + err.message + "); the list below says the same.";
    });

  function content(item) {
    // text nodes only: nothing from the data is read as HTML
    var span = document.createElement("span");
    span.textContent = item.label;
    span.title = item.label + " — " + item.value + (item.text ? " (“" + item.text + "”)" : "");
    return span;
  }

  function dayAfter(iso) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1);
    return d;
  }

  function draw(data) {
    if (!data.items.length) { el.classList.add("empty"); return; }
    var grouped = el.getAttribute("data-group") === "article";
    var groups = {};
    var items = data.items.map(function (item, i) {
      if (grouped && !(item.article in groups)) {
        var g = document.createElement("span");
        g.textContent = item.article_label;
        groups[item.article] = { id: item.article, content: g };
      }
      var one = item.start === item.end;
      return { id: i, content: content(item), start: new Date(item.start + "T00:00:00Z"),
               end: one ? undefined : dayAfter(item.end), type: one ? "point" : "range",
               group: grouped ? item.article : undefined, iri: item.iri, className: "kind-event" };
    });
    el.classList.add("drawn");
    var options = { stack: true, zoomable: true, moveable: true, orientation: "top", margin: { item: 6 },
                    xss: { disabled: false } };
    var timeline = grouped
      ? new vis.Timeline(el, items, Object.keys(groups).map(function (k) { return groups[k]; }), options)
      : new vis.Timeline(el, items, options);
    var hrefs = {};
    data.items.forEach(function (item, i) { hrefs[i] = item.iri; });
    timeline.on("select", function (props) {
      var link = props.items.length && document.querySelector("#timeline-list a[href][data-iri='" + CSS.escape(hrefs[props.items[0]]) + "']");
      if (link) { window.location.href = link.getAttribute("href"); }
    });
    window.newskgTimeline = timeline;  // for the browser tests
  }
})();
