// Monaco's JSON language worker (variables, headers and response editors), built as its own bundle.
import 'monaco-editor/esm/vs/language/json/json.worker.js';
