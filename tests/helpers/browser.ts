/** The tests launch Chromium the way the benches do: src/tools/browser.ts. */
export { CHROME_FLAGS, chromePath, launchBrowser } from '../../src/tools/browser.ts';
