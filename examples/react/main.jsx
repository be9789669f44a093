// A React 19 host. React 19 passes props to custom elements as properties when the element has
// one (`data`, `definition`) and as attributes otherwise (`src`, `endpoint`, `channel`), so no
// wrapper is needed. Events are wired with a ref and addEventListener: it works with every React
// version and names the event exactly as Guichet fires it.
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
// Defines <guichet-form> and <guichet-tracker> (the npm package; the CDN bundle works the same).
import '@guichet/elements';

const endpoint = 'http://127.0.0.1:8787/api';
// Setting `data` replaces the answers with it: keep one object (a constant, state or useMemo), not
// a literal in JSX, or every re-render of the host (after an error event, say) would reset what
// the citizen typed.
const prefill = { service: 'voirie' };

function ContactPage() {
  const form = useRef(null);
  const [receipt, setReceipt] = useState(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    const element = form.current;
    const onSubmitted = (event) => setReceipt(event.detail);
    const onError = (event) => setProblem(event.detail.kind === 'validation' ? '' : event.detail.message);
    element.addEventListener('guichet-submitted', onSubmitted);
    element.addEventListener('guichet-error', onError);
    return () => {
      element.removeEventListener('guichet-submitted', onSubmitted);
      element.removeEventListener('guichet-error', onError);
    };
  }, []);

  return (
    <main>
      <h1>Nous écrire</h1>
      <guichet-form
        ref={form}
        src={`${endpoint}/forms/contact-service`}
        endpoint={endpoint}
        data={prefill}
        draft="none"
      />
      <p id="host-status" role="status">
        {receipt ? `Votre demande ${receipt.reference} est enregistrée.` : problem}
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<ContactPage />);
