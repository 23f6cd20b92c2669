// "Whose input is it?" doesn't offer staff or providers while a lived-experience or carer voice is chosen: such input
// can only be logged for a panel member or for people without an account. The server refuses it too (the cycle's rule);
// this only saves people from choosing what would be refused.
const whose = document.querySelector('[data-whose-input]');
const staff = whose?.querySelector('[data-not-lived-experience]');
const livedExperienceVoices = new Set(['LivedExperience', 'Carer']);

function applyVoice() {
  const chosen = document.querySelector('input[name="Form.Voice"]:checked');
  const livedExperience = chosen !== null && livedExperienceVoices.has(chosen.value);
  staff.disabled = livedExperience;
  staff.hidden = livedExperience;
  if (livedExperience && whose.selectedOptions[0]?.parentElement === staff) {
    whose.value = '';
  }
}

if (whose && staff) {
  for (const voice of document.querySelectorAll('input[name="Form.Voice"]')) {
    voice.addEventListener('change', applyVoice);
  }
  applyVoice();
}
