import type { ConnectorKind, ConnectorManifest } from './connector.ts';
import { filesManifest } from './files/manifest.ts';
import { httpManifest } from './http/manifest.ts';
import { imapManifest } from './imap/manifest.ts';

/** Every store kind privacydesk can reach, by kind. Each folder beside this file adds its manifest here. */
const manifests: ConnectorManifest[] = [imapManifest, filesManifest, httpManifest];

export function connectorManifest(kind: ConnectorKind): ConnectorManifest | undefined {
  return manifests.find((manifest) => manifest.kind === kind);
}

export const availableConnectorKinds = (): ConnectorKind[] => manifests.map((manifest) => manifest.kind);
