export { checkFile, formatProblems, type CheckedFile } from './check.js';
export { compileForm, dataTypeName, type CompiledFiles } from './compile.js';
export { writeServiceForm, type ServiceSource } from './open311.js';
