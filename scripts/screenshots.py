"""Full-page screenshots of a running site at phone and desktop widths (for reviewing by eye).

Usage: python scripts/screenshots.py [BASE_URL] [OUT_DIR] [PATH ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"phone": 375, "desktop": 1280}


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/screens")
    paths = sys.argv[3:] or ["/", "/qui-sommes-nous/", "/qui-sommes-nous/histoire/", "/contact/"]
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for label, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in paths:
                page.goto(base + path, wait_until="networkidle")
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load lazy images
                page.wait_for_timeout(300)
                page.evaluate("window.scrollTo(0, 0)")
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=str(out / f"{name}-{label}.png"), full_page=True)
                print(out / f"{name}-{label}.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
