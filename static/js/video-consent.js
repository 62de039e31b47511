/* Click-to-play videos (templates/components/video_player.html): nothing comes from the
   video's host until the visitor presses « Lire la vidéo »; the privacy-enhanced player then
   takes the frame's place. Without this script the frame keeps its link to the video. */
(function () {
    "use strict";
    function play(box) {
        var frame = box.querySelector(".video-consent__frame");
        var iframe = document.createElement("iframe");
        iframe.src = box.getAttribute("data-video-embed");
        iframe.title = box.getAttribute("data-video-title");
        iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
        iframe.allowFullscreen = true;
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        iframe.className = "video-consent__player";
        frame.replaceWith(iframe);
        iframe.focus();
    }
    function setUp() {
        document.querySelectorAll("[data-video-embed]").forEach(function (box) {
            if (box.hasAttribute("data-video-ready")) { return; }
            box.setAttribute("data-video-ready", "");
            var button = box.querySelector(".video-consent__play");
            if (!button) { return; }
            button.hidden = false;
            button.addEventListener("click", function () { play(box); });
        });
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
})();
