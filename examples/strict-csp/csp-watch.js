// Shows on the page every Content-Security-Policy violation it reports, so that whoever tries
// this example sees at once that Guichet needs no exception (a classic script, run before the
// module loads, and a file: an inline one would itself break the policy).
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
  const report = document.getElementById('csp-report');
  if (report)
    report.textContent = `Violations de la CSP : ${window.cspViolations.length} (dernière : ${event.effectiveDirective} ${event.blockedURI})`;
});
