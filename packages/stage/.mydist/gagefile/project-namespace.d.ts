/**
 * The namespace of a project's operations: the base name of the project dir
 * after resolving symlinks (stage.md 1.1). A dir that does not exist (yet) is
 * named by its resolved path.
 *
 * @example
 * ```ts
 * await projectNamespace('/home/ada/hello'); // 'hello'
 * ```
 */
export declare function projectNamespace(projectDir: string): Promise<string>;
//# sourceMappingURL=project-namespace.d.ts.map