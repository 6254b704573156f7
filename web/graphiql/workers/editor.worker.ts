// Monaco's generic editor worker, built by scripts/build-web.mjs as its own classic-worker bundle.
import 'monaco-editor/esm/vs/editor/editor.worker.js';
