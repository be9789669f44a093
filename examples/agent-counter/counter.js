// The counter application knows the citizen in front of the agent (from its own file of users);
// it prefills the form through the `data` property. `draft="none"` on the element: a shared
// counter computer keeps no answers once the request is sent or abandoned.
const knownCitizen = {
  firstName: 'Amina',
  lastName: 'Benali',
  email: 'amina.benali@exemple.fr',
  phone: '06 12 34 56 78',
  preferredContact: 'telephone',
};

const form = document.getElementById('request');
form.data = knownCitizen;
form.addEventListener('guichet-submitted', (event) => {
  // The agent reads the reference and the tracking code out to the citizen, or prints the receipt;
  // the counter application notes the reference in its own journal.
  document.getElementById('journal').textContent = `Dernière demande enregistrée : ${event.detail.reference}`;
});
