import base from '../../jest.config.base.js';

// The help topics are Markdown files imported as text (tsup's text loader in the bundle).
export default { ...base, transform: { ...base.transform, '^.+\\.md$': '<rootDir>/test/markdown-transform.cjs' } };
