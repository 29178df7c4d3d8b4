// YAML editing end to end: create a Deployment from its template, edit objects with a server
// dry run, the diff and apply, server refusals at their line, schema completion, a conflict
// carried over; axe on each view and screenshots of each in both themes.
import * as yaml from 'js-yaml';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKind } from '../../renderer/kube/resources';
import { templateFor } from '../../renderer/kube/templates';
import { CHROMIUM, chromiumMissing, expectAccessible, shootBothThemes, startWebApp, type WebApp } from '../support/web-app';

if (chromiumMissing) console.warn(`SKIPPED yaml editor e2e: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let app: WebApp;
let page: Page;

/** The first editor line that is `text` (indentation aside): spec comes before status. */
const line = (text: string) =>
  page
    .locator('[data-test="yaml-editor"] .cm-line')
    .filter({ hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
    .first();

/** Puts the cursor at the end of the editor line holding `text`. */
async function endOf(text: string): Promise<void> {
  await line(text).click();
  await page.keyboard.press('End');
}

async function replicasOf(name: string): Promise<number> {
  const res = await app.api('GET', `/apis/apps/v1/namespaces/default/deployments/${name}`);
  return (res.body as { spec: { replicas: number } }).spec.replicas;
}

describe('YAML editing (web mode, real browser)', () => {
  if (chromiumMissing) {
    it.skip(`skipped: ${CHROMIUM} is missing; install it with apt-get install -y chromium`, () => undefined);
    return;
  }

  beforeAll(async () => {
    app = await startWebApp();
    page = app.page;
    await page.goto(app.host.url);
    await page.waitForURL(/#\/overview/);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('every template passes the server dry run with strict field validation', async () => {
    const ids = ['deployments', 'services', 'ingresses', 'configmaps', 'secrets', 'jobs', 'cronjobs', 'namespaces', 'persistentvolumeclaims', 'serviceaccounts', 'roles', 'rolebindings'];
    for (const id of ids) {
      const kind = findKind(id)!;
      const base = kind.group ? `/apis/${kind.group}/${kind.version}` : `/api/${kind.version}`;
      const res = await app.api('POST', `${base}${kind.namespaced ? '/namespaces/default' : ''}/${kind.resource}?dryRun=All&fieldValidation=Strict`, yaml.load(templateFor(kind, 'default')));
      expect(res.status, `${id}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  });

  it('creates a Deployment from its template, replicas edited, and opens its page', async () => {
    await page.goto(`${app.host.url.split('#')[0]}#/deployments?ns=default`);
    await page.locator('[data-test="create-object"]').click();
    const dialog = page.locator('[data-test="create-dialog"]');
    await line('kind: Deployment').waitFor();
    await line('namespace: default').waitFor();
    await endOf('replicas: 1');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('2');
    await line('replicas: 2').waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'yaml-template', { fullPage: false });

    await dialog.locator('[data-test="create"]').click();
    await page.waitForURL(/#\/deployments\/default\/my-deployment/);
    await page.locator('[data-test="object-name"]').filter({ hasText: 'my-deployment' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await replicasOf('my-deployment')).toBe(2);
  });

  it('completes keys under spec from the schema, with their types', async () => {
    await page.locator('[data-test="edit"]').click();
    await line('replicas: 2').waitFor();
    await endOf('replicas: 2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('repl');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await options.filter({ hasText: 'replicas' }).filter({ hasText: 'integer' }).waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'yaml-editor-completion', { fullPage: false });
    await page.keyboard.press('Escape'); // closes the completion, not the dialog
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await line('repl').waitFor({ state: 'detached' });
    // Hovering a key shows what kubectl explain says of it.
    await line('replicas: 2').locator('text=replicas').hover();
    await page.locator('.cm-schema-hover').filter({ hasText: 'replicas: integer' }).filter({ hasText: 'Number of desired pods' }).waitFor();
  });

  it('shows the server refusing replicas: "x" at its line and changes nothing', async () => {
    await endOf('replicas: 2');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('"x');
    await line('replicas: "x"').waitFor();
    await page.locator('[data-test="review"]').click();
    await page.locator('[data-test="edit-problem"]').filter({ hasText: 'spec.replicas' }).waitFor();
    await line('replicas: "x"').locator('.cm-lintRange-error').waitFor();
    expect(await page.locator('.cm-lintRange-error').count()).toBe(1);
    await expectAccessible(page);
    await shootBothThemes(page, 'yaml-error-at-line', { fullPage: false });
    expect(await replicasOf('my-deployment')).toBe(2);
    await page.locator('[data-test="edit-dialog"]').getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-test="edit-dialog"]').waitFor({ state: 'detached' });
  });

  it('edits a ConfigMap: unknown field at its line, then a good edit reviewed in the diff and applied', async () => {
    const made = await app.api('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'settings' }, data: { mode: 'slow', size: '3' } });
    expect(made.status).toBe(201);
    await page.goto(`${app.host.url.split('#')[0]}#/configmaps/default/settings?tab=yaml`);
    await page.locator('[data-test="yaml"]').filter({ hasText: 'mode: slow' }).waitFor();
    await page.locator('[data-test="edit"]').click();
    await endOf('kind: ConfigMap');
    await page.keyboard.press('Enter');
    await page.keyboard.type('colour: blue');
    await page.locator('[data-test="review"]').click();
    await line('colour: blue').locator('.cm-lintRange-error').waitFor();
    await page.locator('[data-test="edit-problem"]').filter({ hasText: 'unknown field "colour"' }).waitFor();

    await page.keyboard.press('Control+z');
    await line('colour: blue').waitFor({ state: 'detached' });
    await line('mode: slow').locator('text=slow').dblclick();
    await page.keyboard.type('fast');
    await page.locator('[data-test="review"]').click();
    const diff = page.locator('[data-test="yaml-diff"]');
    await diff.locator('.cm-changedLine').filter({ hasText: 'mode: fast' }).waitFor();
    await diff.locator('.cm-deletedChunk, .cm-changedLine').filter({ hasText: 'slow' }).first().waitFor();
    await expectAccessible(page);
    await shootBothThemes(page, 'yaml-diff', { fullPage: false });

    await page.locator('[data-test="apply"]').click();
    await page.locator('[data-test="edit-dialog"]').waitFor({ state: 'detached' });
    await page.locator('[data-test="yaml"]').filter({ hasText: 'mode: fast' }).waitFor();
  });

  it('says when the object changes while editing, and carries the edit over to the new version', async () => {
    await page.locator('[data-test="edit"]').click();
    await line('mode: fast').locator('text=fast').dblclick();
    await page.keyboard.type('turbo');
    const patched = await app.api('PATCH', '/api/v1/namespaces/default/configmaps/settings', { data: { size: '4' } }, 'application/merge-patch+json');
    expect(patched.status).toBe(200);
    await page.locator('[data-test="changed"]').waitFor();
    await page.locator('[data-test="rebase"]').click();
    await line('mode: turbo').waitFor();
    await line("size: '4'").or(line('size: "4"')).waitFor();
    await page.locator('[data-test="review"]').click();
    await page.locator('[data-test="apply"]').click();
    await page.locator('[data-test="edit-dialog"]').waitFor({ state: 'detached' });
    const res = await app.api('GET', '/api/v1/namespaces/default/configmaps/settings');
    expect((res.body as { data: Record<string, string> }).data).toEqual({ mode: 'turbo', size: '4' });
  });

  it('creates several documents in order from the palette, reporting each', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Create ConfigMap');
    await page.locator('[data-test="palette"] [role="option"][aria-selected="true"]').filter({ hasText: 'Create ConfigMap' }).waitFor();
    await page.keyboard.press('Enter');
    const dialog = page.locator('[data-test="create-dialog"]');
    await line('kind: ConfigMap').waitFor();
    // Replaced whole: a Namespace, then a ConfigMap inside it, then one the server refuses.
    await page.locator('[data-test="yaml-editor"] .cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: team-x\ndata:\n  a: "1"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n  namespace: team-x\ndata:\n  b: "2"\n',
    );
    await line('name: Bad_Name').waitFor();
    await dialog.locator('[data-test="create"]').click();
    const report = dialog.locator('[data-test="create-report"] li');
    await report.filter({ hasText: 'Namespace team-x: created' }).waitFor();
    await report.filter({ hasText: 'ConfigMap cfg: created' }).waitFor();
    await report.filter({ hasText: 'ConfigMap Bad_Name: not created' }).waitFor();
    await line('name: Bad_Name').locator('.cm-lintRange-error').waitFor();
    expect((await app.api('GET', '/api/v1/namespaces/team-x/configmaps/cfg')).status).toBe(200);
    const listed = (await app.api('GET', '/api/v1/namespaces/team-x/configmaps')).body as { items: { metadata: { name: string } }[] };
    expect(listed.items.map((i) => i.metadata.name)).not.toContain('Bad_Name');
    await report.getByRole('link', { name: 'ConfigMap cfg' }).click();
    await page.waitForURL(/#\/configmaps\/team-x\/cfg/);
    await dialog.waitFor({ state: 'detached' });
  });
});
