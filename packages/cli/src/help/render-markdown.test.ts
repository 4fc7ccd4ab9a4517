import { describe, expect, test } from '@jest/globals';
import { renderMarkdown } from './render-markdown.js';

const plain = (md: string, width = 30) => renderMarkdown(md, { width, color: false });

describe('renderMarkdown', () => {
  test('headings, wrapped paragraphs, code spans kept whole with what is glued to them', () => {
    expect(plain('# Title\n\nSome words here and `a code span`. More words to wrap.\n\n## Part\n\nEnd.\n')).toBe(
      'TITLE\n\n  Some words here and\n  a code span. More words to\n  wrap.\n\nPart\n\n  End.\n',
    );
  });

  test('list items wrap under their text; code blocks are indented as written', () => {
    expect(plain('- **Bold** item that is long enough to wrap\n- second\n\n```\nx = 1\n```\n\n    y = 2\n')).toBe(
      '  • Bold item that is long\n    enough to wrap\n  • second\n\n    x = 1\n\n      y = 2\n',
    );
  });

  test('tables are drawn like the CLI tables, the last column wrapping, markers removed', () => {
    expect(plain('| a | b |\n|---|---|\n| `x` | one two three four five six |\n', 24)).toBe(
      '╭───┬──────────────────╮\n│ a │ b                │\n├───┼──────────────────┤\n│ x │ one two three    │\n│   │ four five six    │\n╰───┴──────────────────╯\n',
    );
  });

  test('colours: code cyan, bold, headings', () => {
    expect(renderMarkdown('# T\n\nA `c` **b**.\n', { width: 40, color: true })).toBe(
      '\x1b[1m\x1b[93mT\x1b[39m\x1b[22m\n\n  A \x1b[36mc\x1b[39m \x1b[1mb\x1b[22m.\n',
    );
  });
});
