// The web app's own script, kept small: click-to-scroll between a finding and its clause, and
// text selection inside a clause filling the correction form's quote. Everything works without it
// through plain links and form fields.

function reveal(target) {
  if (!target) return;
  document.querySelectorAll('.active').forEach((e) => e.classList.remove('active'));
  target.classList.add('active');
  target.scrollIntoView({ block: 'center', behavior: 'instant' });
  target.focus({ preventScroll: true });
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a.to-clause, a.to-finding');
  if (link) {
    event.preventDefault();
    reveal(document.getElementById(link.getAttribute('href').slice(1)));
    return;
  }
  // A click anywhere on a highlighted clause (not while selecting text) goes to its first finding.
  const clause = event.target.closest('.clause.flagged');
  if (clause && !window.getSelection().toString()) {
    reveal(document.getElementById(clause.dataset.finding));
  }
});

// Selecting text inside a clause: offer it as the narrowed quote of every finding on that clause,
// or as the clause of a missed finding. The server checks the text really is in that clause.
document.addEventListener('selectionchange', () => {
  const selection = window.getSelection();
  const text = selection ? selection.toString().trim() : '';
  const anchor = selection && selection.anchorNode ? selection.anchorNode.parentElement : null;
  const clause = anchor ? anchor.closest('.clause') : null;
  if (!text || !clause) return;
  for (const form of document.querySelectorAll('form[data-quote-for]')) {
    if (form.dataset.quoteFor === clause.dataset.clauseId) {
      form.querySelector('input[name="quote"]').value = text;
    }
  }
  const missed = document.querySelector('form.missed-form');
  if (missed) {
    missed.querySelector('[name="clause"]').value = clause.dataset.clauseId;
    missed.querySelector('input[name="quote"]').value = text;
  }
});
