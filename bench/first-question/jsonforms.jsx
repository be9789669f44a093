// JSON Forms with its vanilla renderers as a CMS page would load it: its bundle, then the form's
// schema fetched from the endpoint (another origin), then the whole form rendered.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { fetchDefinition } from './fetch-definition.js';

function Host({ schema }) {
  const [data, setData] = useState({});
  return (
    <JsonForms
      schema={schema}
      data={data}
      renderers={vanillaRenderers}
      cells={vanillaCells}
      onChange={({ data }) => setData(data)}
    />
  );
}

const { definition, container } = await fetchDefinition();
createRoot(container).render(<Host schema={definition.schema} />);
