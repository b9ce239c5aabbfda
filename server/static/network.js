// The graph views: the JSON twin of the page drawn with Cytoscape.js. The lists below the drawing say the same for
// readers without JavaScript or a mouse; a click (or Enter on a selected node) opens the node's page.
(function () {
  "use strict";
  var el = document.getElementById("graph");
  if (!el || typeof cytoscape !== "function") { return; }
  var COLOURS = { Person: "#1f6feb", Organization: "#0e8a74", GovernmentOrganization: "#6f42c1",
                  Country: "#2e7d32", Group: "#8d6e63", Place: "#00838f" };

  fetch(el.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(draw)
    .catch(function (err) {
      el.classList.add("failed");
      el.textContent = "The drawing could not be made (" + err.message + "); the lists below say the same.";
    });

  function draw(data) {
    var elements = data.nodes.map(function (n) {
      return { data: { id: n.id, label: n.label, kind: n.kind, href: n.href, focus: n.focus ? 1 : 0,
                       colour: n.kind === "actor" ? (COLOURS[n.type] || "#555") : "" } };
    });
    data.edges.forEach(function (e, i) {
      elements.push({ data: { id: "e" + i, source: e.source, target: e.target, label: e.label } });
    });
    el.classList.add("drawn");
    var cy = cytoscape({
      container: el,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 10, "text-wrap": "ellipsis",
                                     "text-max-width": 140, "text-valign": "bottom", "text-margin-y": 3,
                                     "color": "#222", "width": 18, "height": 18 } },
        { selector: "node[kind = 'actor']", style: { "background-color": "data(colour)", "shape": "ellipse",
                                                     "width": 24, "height": 24, "font-weight": "bold" } },
        { selector: "node[kind = 'statement']", style: { "background-color": "#f0b400", "shape": "round-rectangle",
                                                         "font-size": 9, "color": "#555" } },
        { selector: "node[kind = 'event']", style: { "background-color": "#d9480f", "shape": "diamond",
                                                     "width": 22, "height": 22 } },
        { selector: "node[focus = 1]", style: { "border-width": 4, "border-color": "#1d3557", "width": 34,
                                                "height": 34 } },
        { selector: "edge", style: { "width": 1.4, "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1",
                                     "target-arrow-shape": "triangle", "curve-style": "bezier", "label": "data(label)",
                                     "font-size": 8, "color": "#666", "text-rotation": "autorotate" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#000" } },
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 70, padding: 20,
                randomize: false },
    });
    cy.on("tap", "node", function (evt) {
      var href = evt.target.data("href");
      if (href) { window.location.href = href; }
    });
    window.newskgGraph = cy;  // for the browser tests
  }
})();
