/*! social-map embed-resize.js — optional, for the page that embeds the map.
 * Sizes each social-map <iframe> to its content. The embed posts
 * { type: 'social-map:height', height: <number> } to its parent; this script accepts the
 * message only from the iframe that sent it (event.source) and only when the sender's origin is
 * that iframe's own origin (event.origin). Nothing else is read, nothing is sent anywhere.
 * Usage: <script src="https://<map-host>/<path>/embed-resize.js" async></script>
 */
(function () {
  'use strict';
  var MIN = 120;
  var MAX = 20000;
  function originOf(src) {
    try {
      return new URL(src, document.baseURI).origin;
    } catch {
      return null;
    }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'social-map:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < MIN || height > MAX) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (originOf(frame.src) !== event.origin) return;
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('height', String(Math.ceil(height)));
      return;
    }
  });
})();
