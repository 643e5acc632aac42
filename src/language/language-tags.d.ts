// Types for the parts of language-tags (IANA subtag registry) that welcomemat uses.
declare module 'language-tags' {
  interface Subtag {
    type(): string;
    format(): string;
  }
  interface TagError {
    message: string;
    code: number;
    /** The subtag concerned (a pair for a wrong order), where there is one. */
    subtag?: unknown;
  }
  interface Tag {
    valid(): boolean;
    errors(): TagError[];
    language(): Subtag | null;
    format(): string;
  }
  interface Tags {
    (tag: string): Tag;
    check(tag: string): boolean;
  }
  const tags: Tags;
  export default tags;
  export type { TagError };
}
