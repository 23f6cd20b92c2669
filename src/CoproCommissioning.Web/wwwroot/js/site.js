// Loaded as an ES module: <script type="module" src="~/js/site.js">.
// NHS.UK frontend's own page template adds these body classes with an inline script; our Content
// Security Policy forbids inline script, so they are added here. Browsers that run this module
// support ES modules, which is what 'nhsuk-frontend-supported' means.
import { initAll } from '../lib/nhsuk-frontend/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
