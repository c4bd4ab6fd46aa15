import noAccumulatingSpread from './no-accumulating-spread.js';
import noBufferAllocInHotPath from './no-buffer-alloc-in-hot-path.js';
import noCharArrayIteration from './no-char-array-iteration.js';
import noJsonStringifyInHotPath from './no-json-stringify-in-hot-path.js';
import noObjectEntriesIteration from './no-object-entries-iteration.js';
import noObjectKeysEmptinessCheck from './no-object-keys-emptiness-check.js';
import noRegexpInLoop from './no-regexp-in-loop.js';
import noStringConcatInLoop from './no-string-concat-in-loop.js';
import preferPresizedArray from './prefer-presized-array.js';
import preferSplitLimit from './prefer-split-limit.js';
import preferStructOfArrays from './prefer-struct-of-arrays.js';

/** Every rule, by name (alphabetical). Configs and the README table are computed from this map. */
export const rules = {
  'no-accumulating-spread': noAccumulatingSpread,
  'no-buffer-alloc-in-hot-path': noBufferAllocInHotPath,
  'no-char-array-iteration': noCharArrayIteration,
  'no-json-stringify-in-hot-path': noJsonStringifyInHotPath,
  'no-object-entries-iteration': noObjectEntriesIteration,
  'no-object-keys-emptiness-check': noObjectKeysEmptinessCheck,
  'no-regexp-in-loop': noRegexpInLoop,
  'no-string-concat-in-loop': noStringConcatInLoop,
  'prefer-presized-array': preferPresizedArray,
  'prefer-split-limit': preferSplitLimit,
  'prefer-struct-of-arrays': preferStructOfArrays,
};
