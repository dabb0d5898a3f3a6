// Tri des tableaux « triable » de la synthèse : un bouton par titre de colonne, un clic
// trie par cette colonne (croissant, puis décroissant), l'ordre est annoncé aux lecteurs
// d'écran. Sans script, le tableau reste lisible dans l'ordre des dossiers.
(function () {
  "use strict";
  var months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre"];

  // La clé d'une cellule : [rang, valeur]. Les dates, puis les nombres (« 58 300 », « 12/23 »,
  // « 347 500 € »), puis les textes ; une cellule vide ou « — » toujours en dernier.
  function key(cell) {
    var text = cell.textContent.replace(/[\s\u00a0\u202f]+/g, " ").trim();
    if (text === "" || text === "—") { return [3, ""]; }
    var date = /^(1er|\d{1,2}) ([a-zéû]+) (\d{4})/.exec(text);
    if (date && months.indexOf(date[2]) >= 0) {
      return [0, Number(date[3]) * 10000 + (months.indexOf(date[2]) + 1) * 100 + parseInt(date[1], 10)];
    }
    var compact = text.replace(/[ €%]/g, "");
    var ratio = /^(\d+)\/(\d+)$/.exec(compact);
    if (ratio) { return [1, Number(ratio[2]) === 0 ? 0 : Number(ratio[1]) / Number(ratio[2])]; }
    var number = /^-?\d+(,\d+)?$/.exec(compact);
    if (number) { return [1, Number(compact.replace(",", "."))]; }
    return [2, text.toLocaleLowerCase("fr")];
  }

  function compare(a, b) {
    if (a[0] !== b[0]) { return a[0] - b[0]; }
    if (a[0] === 2) { return a[1].localeCompare(b[1], "fr"); }
    return a[1] < b[1] ? -1 : (a[1] > b[1] ? 1 : 0);
  }

  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var descending = header.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows).map(function (row, position) {
      return { row: row, key: key(row.cells[index]), position: position };
    });
    rows.sort(function (a, b) {
      var order = compare(a.key, b.key);
      // Les cellules vides restent en dernier dans les deux sens.
      if (descending && a.key[0] !== 3 && b.key[0] !== 3) { order = -order; }
      return order || a.position - b.position;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var announce = document.getElementById("tri-annonce");
    if (announce) {
      announce.textContent = "Tableau trié par « " + header.textContent.trim() + " », ordre "
        + (descending ? "décroissant" : "croissant") + ".";
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.triable"), function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = header.textContent;
      button.addEventListener("click", function () { sortBy(table, index, header); });
      header.textContent = "";
      header.appendChild(button);
    });
  });
})();
