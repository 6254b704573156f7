import { Router } from 'express';

// Placeholder until the GraphiQL/explorer pages land.
export function createWebPagesRouter(_options: { graphiqlEnabled: boolean; webRoot: string }): Router {
  return Router();
}
