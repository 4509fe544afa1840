// Keep each form's one-time token through the browser's Back button. Chromium
// restores a text control only when its value is not the one the page was
// served with: make the token «typed» (portal/form_tokens.py says why).
for (const input of document.querySelectorAll("input[data-form-token]")) {
  const token = input.value;
  input.defaultValue = "";
  input.value = token;
}
