import { IDE_ASSET_URLS } from './ide-assets';
import type { ExampleOperation } from './example-operations';

/** Content of the IDE page. */
export interface IdePageOptions {
  /** Path of the GraphQL endpoint the IDE sends operations to. */
  endpointPath: string;
  /** Operations opened as tabs, the first one active. */
  examples: readonly ExampleOperation[];
}

/**
 * Renders the GraphQL IDE page: GraphiQL with the schema documentation, a headers pane for the
 * bearer token, and one tab per example operation. Scripts and styles come from the server's
 * own IDE_ASSET_URLS, so the page needs no internet access.
 */
export function renderIdePage(options: IdePageOptions): string {
  const settings = {
    endpointPath: options.endpointPath,
    tabs: options.examples.map((example) => ({
      query: example.document,
      variables: example.variables,
    })),
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Lelang Kinerja GraphQL IDE</title>
    <link rel="stylesheet" href="${IDE_ASSET_URLS['graphiql.min.css']}" />
    <style>
      body {
        margin: 0;
        height: 100vh;
        display: flex;
        flex-direction: column;
        font-family: system-ui, sans-serif;
      }
      #sign-in-hint {
        margin: 0;
        padding: 6px 12px;
        font-size: 14px;
        background: #fff8e1;
        border-bottom: 1px solid #e0c97f;
      }
      #sign-in-hint code { background: #f3ecd3; padding: 0 3px; }
      #graphiql { flex: 1; min-height: 0; }
    </style>
  </head>
  <body>
    <p id="sign-in-hint">
      Lelang Kinerja API. Most operations need a signed-in user: run the <code>SignIn</code> tab
      (the <code>login</code> mutation), then paste
      <code>{"Authorization": "Bearer &lt;token&gt;"}</code> into the Headers pane below the
      editor. The book icon on the left opens the schema documentation.
    </p>
    <div id="graphiql">Loading the GraphQL IDE...</div>
    <script src="${IDE_ASSET_URLS['react.production.min.js']}"></script>
    <script src="${IDE_ASSET_URLS['react-dom.production.min.js']}"></script>
    <script src="${IDE_ASSET_URLS['graphiql.min.js']}"></script>
    <script>
      const settings = ${toScriptJson(settings)};
      const fetcher = GraphiQL.createFetcher({ url: settings.endpointPath });
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, {
          fetcher,
          defaultTabs: settings.tabs,
          // GraphiQL 3.9 leaves the first tab's variables empty unless they are also given here.
          variables: settings.tabs[0]?.variables,
          defaultEditorToolsVisibility: true,
          isHeadersEditorEnabled: true,
          shouldPersistHeaders: false,
        }),
      );
    </script>
  </body>
</html>
`;
}

/**
 * Serialises a value for an inline script. Escaping `<` keeps text such as "</script>" in an
 * example from ending the script element early.
 */
function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
