// The query page: YASGUI on this server's SPARQL endpoint only, nothing fetched from elsewhere.
// Config comes from the page as JSON (a script of type application/json is data, never run).
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("query-config").textContent);
  var endpoint = config.endpoint;

  // Online extras off: the term autocompleters ask a public vocabulary service and the prefix completer adds
  // declarations from a list; only the local variable completer stays. Yasgui.defaults.yasqe is the same object,
  // and YASGUI merges arrays index by index, so the list is replaced here rather than passed as config.
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  Yasgui.Yasqe.defaults.value = [
    "# Who said what, to whom: the first statements. The buttons above open the named queries.",
    "PREFIX nkg: <https://w3id.org/newskg/ns#>",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
    "",
    "SELECT ?statement ?speaker ?addressee ?content WHERE {",
    "  ?statement a nkg:Statement ; nkg:content ?content .",
    "  OPTIONAL { ?statement nkg:speaker/rdfs:label ?speaker }",
    "  OPTIONAL { ?statement nkg:addressee/rdfs:label ?addressee }",
    "}",
    "LIMIT 20",
  ].join("\n");

  // Results for people: IRIs as prefixed names (our prefixes, then the query's own), literals without their
  // datatype (the table's "Simple view", on unless switched off), links that stay on this site.
  var table = Yasgui.Yasr.plugins.table;
  table.defaults.openIriInNewWindow = false;
  var draw = table.prototype.draw;
  table.prototype.draw = function (cfg) {
    return draw.call(this, Object.assign({ compact: true }, cfg || {}));
  };

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    yasr: { prefixes: Object.assign({ id: config.base + "id/" }, config.prefixes) },
    requestConfig: { endpoint: endpoint, method: "POST" },
    // The endpoint list offers ours alone (the package's default lists public endpoints).
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    copyEndpointOnNewTab: true,
    persistenceId: "newskg-query",
    tabName: "Query",
  });
  window.newskgYasgui = yasgui;  // for the browser tests

  var byName = {};
  config.queries.forEach(function (q) { byName[q.name] = q; });

  function open(name) {
    var q = byName[name];
    if (!q) { return; }
    var tabs = yasgui.persistentConfig.getTabs();
    for (var i = 0; i < tabs.length; i++) {
      var tab = yasgui.getTab(tabs[i]);
      if (tab && tab.getName() === name) {
        yasgui.selectTabId(tabs[i]);
        tab.setQuery(q.query);
        return tab;
      }
    }
    return yasgui.addTab(true, { name: name, yasqe: { value: q.query }, requestConfig: { endpoint: endpoint } });
  }

  // Labels: every IRI in a result table gets the name the data gives it (one query per batch of new IRIs),
  // keeping the prefixed name beside it; our resources link to their pages here.
  var labels = {};
  var asked = {};
  function localHref(iri) {
    if (iri.indexOf(config.base + "id/") === 0) { return "/doc/" + iri.slice(config.base.length + 3); }
    if (iri.indexOf(config.ns) === 0) { return "/ns/" + iri.slice(config.ns.length); }
    return iri;
  }
  function decorate(root) {
    var links = root.querySelectorAll("a.iri:not([data-labelled])");
    var missing = [];
    links.forEach(function (a) {
      var iri = a.getAttribute("href");
      if (!iri) { return; }
      if (labels[iri] !== undefined) { apply(a, iri); } else if (!asked[iri] && /^https?:\/\/[^\s<>"{}|^`\\]+$/.test(iri)) {
        asked[iri] = true;
        missing.push(iri);
      }
    });
    for (var i = 0; i < missing.length; i += 200) { fetchLabels(missing.slice(i, i + 200), root); }
  }
  function apply(a, iri) {
    a.setAttribute("data-labelled", "1");
    a.setAttribute("title", iri);
    a.setAttribute("href", localHref(iri));
    a.removeAttribute("target");
    a.removeAttribute("rel");
    if (labels[iri]) {
      var name = document.createElement("span");
      name.className = "iri-name";
      name.textContent = a.textContent;
      a.textContent = labels[iri];
      a.appendChild(name);
    }
  }
  function fetchLabels(iris, root) {
    var query = "SELECT ?x (SAMPLE(?l) AS ?label) WHERE { VALUES ?x { " + iris.map(function (i) { return "<" + i + ">"; }).join(" ") +
      " } ?x <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel> ?l } GROUP BY ?x";
    fetch(endpoint, { method: "POST", headers: { "Content-Type": "application/sparql-query",
                                                Accept: "application/sparql-results+json" }, body: query })
      .then(function (r) { return r.ok ? r.json() : { results: { bindings: [] } }; })
      .then(function (data) {
        iris.forEach(function (i) { labels[i] = ""; });
        data.results.bindings.forEach(function (b) { labels[b.x.value] = b.label.value; });
        root.querySelectorAll("a.iri:not([data-labelled])").forEach(function (a) {
          var iri = a.getAttribute("href");
          if (labels[iri] !== undefined) { apply(a, iri); }
        });
      })
      .catch(function () { iris.forEach(function (i) { labels[i] = ""; }); });
  }
  new MutationObserver(function () { decorate(document.getElementById("yasgui")); })
    .observe(document.getElementById("yasgui"), { childList: true, subtree: true });

  document.querySelectorAll("#examples button[data-query]").forEach(function (button) {
    button.addEventListener("click", function () { open(button.getAttribute("data-query")); });
  });
})();
