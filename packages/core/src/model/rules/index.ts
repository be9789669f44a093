/** Every definition rule, in the order their problems are listed. */
import type { DefinitionRule } from './rule.js';
import { misplacedId, unsupportedDraft } from './dialect.js';
import { danglingRef, danglingTranslation } from './references.js';
import { unsupportedType, unsupportedUnion } from './shapes.js';
import { requiredConditionalField, requiredWhereUndeclared, undescribedField, unknownRequired } from './mentions.js';
import { hiddenByAdditionalProperties } from './closed-objects.js';
import { incompatibleWidget, invalidChoice, invalidDefault, unsupportedArray } from './fields.js';
import { duplicateStepField, fieldInNoStep, unknownStepField, unknownUiField } from './steps.js';
import { notifyEmail } from './notify.js';

export type { DefinitionRule, Finding } from './rule.js';

export const definitionRules: readonly DefinitionRule[] = [
  unsupportedDraft,
  misplacedId,
  danglingRef,
  unsupportedType,
  unsupportedUnion,
  unknownRequired,
  requiredConditionalField,
  requiredWhereUndeclared,
  undescribedField,
  hiddenByAdditionalProperties,
  incompatibleWidget,
  unsupportedArray,
  invalidDefault,
  invalidChoice,
  unknownStepField,
  duplicateStepField,
  fieldInNoStep,
  unknownUiField,
  danglingTranslation,
  notifyEmail,
];
