// The published client ships no types; these cover what the tests call.
declare module '@tryghost/content-api' {
  type Params = Record<string, string | number>;
  interface Resource {
    browse(options?: Params): Promise<unknown>;
    read(data: { id?: string; slug?: string }, options?: Params): Promise<unknown>;
  }
  interface ContentApi {
    posts: Resource;
    authors: Resource;
    tags: Resource;
    pages: Resource;
    settings: Pick<Resource, 'browse'>;
  }
  const GhostContentAPI: new (options: { url: string; key: string; version: string }) => ContentApi;
  export default GhostContentAPI;
}
