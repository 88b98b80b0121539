// Refreshes the word cloud from the campaign's JSON endpoint. Words are inserted with
// textContent, never as markup, so a submitted text cannot inject anything.
(function () {
  var cloud = document.getElementById('cloud');
  if (!cloud || !window.fetch) { return; }
  var url = cloud.getAttribute('data-src');
  var ns = 'http://www.w3.org/2000/svg';
  function draw(data) {
    while (cloud.firstChild) { cloud.removeChild(cloud.firstChild); }
    data.words.forEach(function (w) {
      var t = document.createElementNS(ns, 'text');
      t.setAttribute('x', w.x);
      t.setAttribute('y', w.y);
      t.setAttribute('font-size', w.size);
      t.setAttribute('fill', w.color);
      t.setAttribute('text-anchor', 'middle');
      t.textContent = w.text;
      cloud.appendChild(t);
    });
    var counter = document.getElementById('approved-count');
    if (counter) { counter.textContent = data.approved; }
  }
  function refresh() {
    fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) { if (d) { draw(d); } })
      .catch(function () { /* try again next time */ });
  }
  refresh();
  setInterval(refresh, 5000);
})();
