/* Progressive enhancement only: without this script the menu is simply always visible. */
(function () {
    "use strict";
    document.documentElement.classList.add("js");
    document.addEventListener("DOMContentLoaded", function () {
        var toggle = document.querySelector(".menu-toggle");
        var nav = document.getElementById("menu-principal");
        if (!toggle || !nav) { return; }
        toggle.hidden = false;
        function setOpen(open) {
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
            nav.classList.toggle("is-open", open);
        }
        toggle.addEventListener("click", function () {
            setOpen(toggle.getAttribute("aria-expanded") !== "true");
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                setOpen(false);
                toggle.focus();
            }
        });
    });
})();
