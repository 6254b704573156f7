// monaco-graphql's language worker (validation, completion, hover for the operation editor), built as its own bundle.
import 'monaco-graphql/esm/graphql.worker.js';
