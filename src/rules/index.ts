import noStringConcatInLoop from './no-string-concat-in-loop.js';
import preferPresizedArray from './prefer-presized-array.js';

/** Every rule, by name (alphabetical). Configs and the README table are computed from this map. */
export const rules = {
  'no-string-concat-in-loop': noStringConcatInLoop,
  'prefer-presized-array': preferPresizedArray,
};
