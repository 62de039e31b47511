/* Audience measurement (pages/analytics.py), loaded only when MATOMO_URL and MATOMO_SITE_ID
   are set: no cookie (the configuration the CNIL exempts from consent, with addresses
   anonymised by the Matomo server), then Matomo's own script from its server. */
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script) { return; }
    var url = script.getAttribute("data-matomo-url");
    var site = script.getAttribute("data-matomo-site");
    var queue = window._paq = window._paq || [];
    queue.push(["disableCookies"]);
    queue.push(["setTrackerUrl", url + "matomo.php"]);
    queue.push(["setSiteId", site]);
    queue.push(["trackPageView"]);
    queue.push(["enableLinkTracking"]);
    var tracker = document.createElement("script");
    tracker.async = true;
    tracker.src = url + "matomo.js";
    document.head.appendChild(tracker);
})();
