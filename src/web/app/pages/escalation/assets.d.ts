/** Library stylesheets imported for their side effect: esbuild puts them in the app's stylesheet. */
declare module '*.css';
