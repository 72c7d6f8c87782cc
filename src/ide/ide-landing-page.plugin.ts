import type { ApolloServerPlugin } from '@apollo/server';
import { loadExampleOperations } from './example-operations';
import { renderIdePage } from './ide-page';

/**
 * Serves the project's own GraphQL IDE as Apollo Server's landing page, the page a browser gets
 * from a GET of the endpoint. It replaces Apollo's default page, which loads from Apollo's CDN
 * and stays blank without internet access. The example operations are read once, at start.
 */
export function ideLandingPagePlugin(endpointPath: string): ApolloServerPlugin {
  return {
    async serverWillStart() {
      const html = renderIdePage({ endpointPath, examples: loadExampleOperations() });
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
