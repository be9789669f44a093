// react-jsonschema-form as a CMS page would load it: its bundle, then the form's schema fetched
// from the endpoint (another origin), then the whole form rendered.
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { fetchDefinition } from './fetch-definition.js';

const { definition, container } = await fetchDefinition();
createRoot(container).render(<Form schema={definition.schema} validator={validator} noHtml5Validate />);
