import type { AttributeType } from '../../../../core/contract/index.js';

/** How each attribute type is named in the table and its dialogs. */
export const TYPE_LABEL: Record<AttributeType, string> = {
  text: 'text',
  number: 'number',
  date: 'date',
  choice: 'choice',
  boolean: 'yes/no',
};
