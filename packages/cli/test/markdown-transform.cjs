// Jest transform: a Markdown file imported as text, as tsup's text loader bundles it.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
