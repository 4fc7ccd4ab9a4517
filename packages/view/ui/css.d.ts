// Stylesheets imported for their side effect: the bundler writes them to app.css.
declare module '*.css';
