// The reading room: a card beside a mark of the article text when it is hovered or focused, and the layers'
// choice kept between visits. The cards are in the page already (#cards, the marks' descriptions); this only shows
// a copy of them in one floating box. The layers themselves work without it (CSS :has).
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var cards = document.getElementById("cards");
  if (!text || !cards) { return; }

  var box = document.createElement("div");
  box.id = "card-box";
  box.className = "card-box";
  box.setAttribute("role", "tooltip");
  box.hidden = true;
  document.body.appendChild(box);
  var current = null;
  var hideTimer = null;

  function fill(mark) {
    box.textContent = "";
    (mark.getAttribute("data-cards") || "").split(" ").forEach(function (id) {
      var card = id && document.getElementById(id);
      if (!card) { return; }
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      box.appendChild(copy);
    });
  }

  function place(mark) {
    var r = mark.getBoundingClientRect();
    var narrow = window.innerWidth < 600;
    box.classList.toggle("docked", narrow);  // at phone width the card sits at the bottom of the screen
    if (narrow) { box.style.left = ""; box.style.top = ""; return; }
    var w = box.offsetWidth, h = box.offsetHeight;
    var left = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + window.innerWidth - w - 8);
    var below = r.bottom + 8 + h < window.innerHeight;
    var top = below ? r.bottom + window.scrollY + 6 : r.top + window.scrollY - h - 6;
    box.style.left = left + "px";
    box.style.top = Math.max(window.scrollY + 4, top) + "px";
  }

  function same(mark) {  // every piece of the mark's span (a quote is cut around what is named inside it)
    var iri = mark.getAttribute("data-iri");
    return text.querySelectorAll("a[data-iri='" + (window.CSS && CSS.escape ? CSS.escape(iri) : iri) + "']");
  }

  function light(mark, on) {
    same(mark).forEach(function (m) { m.classList.toggle("active", on); });
  }

  function show(mark) {
    clearTimeout(hideTimer);
    if (current === mark && !box.hidden) { return; }
    if (current) { light(current, false); }
    current = mark;
    light(mark, true);
    fill(mark);
    box.hidden = false;
    place(mark);
  }

  function hide(now) {
    clearTimeout(hideTimer);
    var go = function () {
      box.hidden = true;
      if (current) { light(current, false); }
      current = null;
    };
    if (now) { go(); } else { hideTimer = setTimeout(go, 250); }
  }

  function markOf(target) {
    return target && target.closest ? target.closest("a[data-cards]") : null;
  }

  text.addEventListener("mouseover", function (e) { var m = markOf(e.target); if (m) { show(m); } });
  text.addEventListener("mouseout", function (e) { if (markOf(e.target)) { hide(false); } });
  text.addEventListener("focusin", function (e) { var m = markOf(e.target); if (m) { show(m); } });
  text.addEventListener("focusout", function () { hide(false); });
  box.addEventListener("mouseover", function () { clearTimeout(hideTimer); });
  box.addEventListener("mouseout", function () { hide(false); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !box.hidden) { hide(true); }
  });
  window.addEventListener("resize", function () { if (current && !box.hidden) { place(current); } });

  // Layers: a class per hidden layer too (for browsers without :has), and the choice remembered.
  var reading = document.getElementById("reading");
  var key = "newskg-layers";
  var saved = {};
  try { saved = JSON.parse(window.localStorage.getItem(key) || "{}"); } catch (err) { saved = {}; }
  document.querySelectorAll("#layers input[data-layer]").forEach(function (box) {
    var layer = box.getAttribute("data-layer");
    if (saved[layer] === false) { box.checked = false; }
    var apply = function () {
      reading.classList.toggle("hide-" + layer, !box.checked);
      saved[layer] = box.checked;
      try { window.localStorage.setItem(key, JSON.stringify(saved)); } catch (err) { /* private mode */ }
    };
    box.addEventListener("change", apply);
    apply();
  });
})();
