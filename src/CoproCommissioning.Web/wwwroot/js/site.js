// Loaded as an ES module: <script type="module" src="~/js/site.js">.
// NHS.UK frontend's own page template adds these body classes with an inline script; our Content
// Security Policy forbids inline script, so they are added here. Browsers that run this module
// support ES modules, which is what 'nhsuk-frontend-supported' means.
import { initAll } from '../lib/nhsuk-frontend/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

// After a form is sent the page shows what happened in a success banner: it takes focus, so a keyboard or screen reader
// user starts from the message rather than the top of the page (NHS.UK notification banner). NHS.UK frontend focuses an
// alert banner as it initialises, but when the page was sent to a fragment (#comments) the browser's move to the fragment
// after load takes focus away again, so it is given back then, unless the person has already moved on or an error
// summary is shown (it takes focus first).
const successBanner = document.querySelector('.nhsuk-notification-banner--success[role="alert"]');
const focusSuccess = () => {
  const active = document.activeElement;
  if (successBanner && !document.querySelector('.nhsuk-error-summary') && (active === null || active === document.body)) {
    successBanner.focus();
  }
};
focusSuccess();
window.addEventListener('load', () => setTimeout(focusSuccess, 0));

// Glossary terms in the specification show their meaning on hover and focus (CSS). WCAG 1.4.13 asks that such
// content can be dismissed without moving the pointer or focus: Escape hides it until the pointer or focus leaves.
const dismissedClass = 'app-glossary-term--dismissed';
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') {
    return;
  }

  for (const term of document.querySelectorAll('.app-glossary-term')) {
    if (term.matches(':hover') || term.matches(':focus-within')) {
      term.classList.add(dismissedClass);
    }
  }
});
for (const term of document.querySelectorAll('.app-glossary-term')) {
  term.addEventListener('mouseleave', () => term.classList.remove(dismissedClass));
  term.addEventListener('focusout', () => term.classList.remove(dismissedClass));
}

// "You said, we did" sheets: a button that prints the page. It stays hidden where scripts don't run, and the page
// says how to print with the browser instead.
for (const button of document.querySelectorAll('[data-app-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
