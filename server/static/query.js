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

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
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

  document.querySelectorAll("#examples button[data-query]").forEach(function (button) {
    button.addEventListener("click", function () { open(button.getAttribute("data-query")); });
  });
})();
