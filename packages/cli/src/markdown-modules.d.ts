// Markdown files imported as text: the help topics (src/help/topics), bundled by tsup's text loader.
declare module '*.md' {
  const text: string;
  export default text;
}
