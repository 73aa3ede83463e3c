import type { Page } from '@playwright/test';
import type { ClientDraftInput } from '../../../src-shared/clients/clientSchemas';

/** A client put in the base through the window's own API, as the app's forms do. */
export async function createClient(page: Page, draft: ClientDraftInput): Promise<number> {
  return page.evaluate(async (client) => {
    const created = await window.pult.invoke('clients.create', client);
    if (!created.ok || !created.value.ok) throw new Error('the client was not created');
    return created.value.id;
  }, draft);
}
