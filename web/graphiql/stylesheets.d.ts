// esbuild bundles the stylesheets the page imports; for the type checker they are modules without exports.
declare module '*.css';
