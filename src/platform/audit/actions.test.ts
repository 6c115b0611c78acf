import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, auditActionLabel, isAuditAction } from './actions.ts';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

const ACTION_LITERAL = /'([a-z_]+\.[a-z_]+)'/g;
const literalsIn = (text: string) => [...text.matchAll(ACTION_LITERAL)].map((match) => match[1] as string);

/**
 * The action strings a file hands to the trail: literals in `action: …` (also both sides of a condition), and
 * literals passed to a function of the file that takes an `AuditAction` parameter (`registerFailure(…, 'auth.x')`).
 */
function actionsWrittenIn(text: string): string[] {
  const found = [...text.matchAll(/\baction:\s*([^\n]+)/g)].flatMap((match) => literalsIn(match[1] as string));
  const relays = [...text.matchAll(/function\s+(\w+)\s*\(([^)]*)\)/g)]
    .filter((match) => /:\s*AuditAction\b/.test(match[2] as string))
    .map((match) => match[1] as string);
  for (const relay of relays) {
    for (const call of text.matchAll(new RegExp(`\\b${relay}\\(([^)]*)\\)`, 'g'))) {
      found.push(...literalsIn(call[1] as string));
    }
  }
  return found;
}

/** Every action string written anywhere in src/, by file. */
function actionsWrittenInSources(): Map<string, string[]> {
  const written = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    if (!/\brecordAudit\b|\bAuditAction\b/.test(text) || file.endsWith(path.join('audit', 'actions.ts'))) continue;
    const actions = actionsWrittenIn(text);
    if (actions.length > 0) written.set(path.relative(srcDir, file), actions);
  }
  return written;
}

describe('the audit actions', () => {
  it('each have a label in Dutch and in English that is not the code', () => {
    const unlabelled = AUDIT_ACTION_NAMES.filter((action) => {
      const label = AUDIT_ACTIONS[action] as { nl?: string; en?: string };
      return [label.nl, label.en].some((text) => !text?.trim() || text === action);
    });
    expect(unlabelled).toEqual([]);
    expect(auditActionLabel('vendor.updated', 'nl')).toBe('Leverancier gewijzigd');
    expect(auditActionLabel('vendor.updated', 'en')).toBe('Vendor changed');
  });

  it('are named <subject>.<past tense verb> in snake case', () => {
    expect(AUDIT_ACTION_NAMES.filter((action) => !/^[a-z_]+\.[a-z_]+$/.test(action))).toEqual([]);
  });

  it('include every action that src/ writes, also past the type (casts, relayed strings)', () => {
    const written = actionsWrittenInSources();
    const unregistered = [...written].flatMap(([file, actions]) =>
      actions.filter((action) => !isAuditAction(action)).map((action) => `${file}: ${action}`),
    );
    expect(unregistered).toEqual([]);
    // The scan itself must see the writers, or it would pass on nothing.
    const all = new Set([...written.values()].flat());
    expect(all.size).toBeGreaterThan(45);
    expect(all).toContain('auth.second_factor_failed');
    expect(all).toContain('register.guided_start_applied');
  });

  it('finds an unregistered action in code that writes one', () => {
    const code = `await recordAudit(tx, now, { orgId, actor, action: 'transfer.assessed' as AuditAction });
      function fail(ctx: AppContext, action: AuditAction) {}
      await fail(ctx, 'breach.reported');
      action: isNew ? 'vendor.created' : 'vendor.renamed',`;
    expect(actionsWrittenIn(code)).toEqual([
      'transfer.assessed',
      'vendor.created',
      'vendor.renamed',
      'breach.reported',
    ]);
  });
});
