// The characters left in a text box with a limit, while typing. Without
// JavaScript the line under the box still states the limit (it is the same
// element); the count is announced politely, and only when it matters.
for (const box of document.querySelectorAll("textarea[data-counter]")) {
  const line = document.getElementById(`${box.id}-count`);
  if (!line) continue;
  const limit = Number(box.dataset.counter);
  const lang = document.documentElement.lang || "nb";
  const number = new Intl.NumberFormat(lang === "en" ? "en-GB" : "nb-NO");
  const left = (n) =>
    lang === "en"
      ? `${number.format(n)} of ${number.format(limit)} characters left.`
      : `${number.format(n)} av ${number.format(limit)} tegn igjen.`;
  const update = () => {
    const remaining = limit - box.value.length;
    line.textContent = left(Math.max(remaining, 0));
    // A screen reader hears it near the end, not at every key.
    line.setAttribute("aria-live", remaining <= limit / 10 ? "polite" : "off");
  };
  box.addEventListener("input", update);
  update();
}
