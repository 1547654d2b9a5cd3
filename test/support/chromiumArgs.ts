// How every test and benchmark starts the system Chromium (headless, no sandbox in a container, nothing fetched
// from the internet). Chromium 156 also builds its own AI-mode omnibox popup (a WebUI page of ~200 modules in a
// renderer of its own) for every new window — every Playwright context — which took a third of this machine's two
// cores while a tab page loaded: a browser's furniture no user of a Teams tab has, so it is switched off.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
