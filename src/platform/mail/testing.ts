import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

/** A message as the SMTP server received it, with the parts a test looks at decoded. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  /** Lower-cased header name → decoded value. */
  headers: Map<string, string>;
  text: string;
  html: string;
  /** The user name the client authenticated with, if it did. */
  user: string | undefined;
}

export interface SmtpRejection {
  responseCode: number;
  message: string;
}

/**
 * A real SMTP server for tests, in process on 127.0.0.1 and a free port: it accepts (or rejects, when told to)
 * what nodemailer sends and keeps every message. Authentication is optional; plain text, no STARTTLS.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  /** When set, every recipient is refused with this reply. */
  rejectRecipients: SmtpRejection | undefined;
  /** How long the server takes to accept a message's data: a slow server. */
  acceptDelayMs = 0;

  readonly #server: SMTPServer;
  #port = 0;

  private constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
      onRcptTo: (address, session, callback) => this.#onRecipient(address, session, callback),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push(readMail(Buffer.concat(chunks).toString('utf8'), session));
          setTimeout(callback, this.acceptDelayMs);
        });
      },
    });
  }

  static async start(): Promise<SmtpTestServer> {
    const server = new SmtpTestServer();
    await new Promise<void>((resolve) => server.#server.listen(0, '127.0.0.1', resolve));
    server.#port = (server.#server.server.address() as AddressInfo).port;
    return server;
  }

  /** An SMTP_URL for this server, with credentials (which it accepts) or without. */
  url(credentials = 'privacydesk:secret'): string {
    return `smtp://${credentials ? `${credentials}@` : ''}127.0.0.1:${this.#port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onRecipient(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error) => void): void {
    const rejection = this.rejectRecipients;
    if (rejection) {
      callback(Object.assign(new Error(`${rejection.message} <${address.address}>`), rejection));
    } else {
      callback();
    }
  }
}

function readMail(raw: string, session: SMTPServerSession): ReceivedMail {
  const { headers, body } = splitHeaders(raw);
  const parts = leafParts(headers, body);
  const partOfType = (type: string) => parts.find((part) => part.type === type)?.content ?? '';
  return {
    envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
    headers,
    text: partOfType('text/plain'),
    html: partOfType('text/html'),
    user: session.user as string | undefined,
  };
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body: end === -1 ? '' : raw.slice(end + 4) };
}

/** The decoded text parts of a (possibly multipart) MIME entity, depth first. */
function leafParts(headers: Map<string, string>, body: string): { type: string; content: string }[] {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.toLowerCase().startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1, -1);
    return sections.flatMap((section) => {
      const part = splitHeaders(section.replace(/^\r\n/, ''));
      return leafParts(part.headers, part.body.replace(/\r\n$/, ''));
    });
  }
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return [{ type, content: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit') }];
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\r\n/g, '')).replace(/\r\n/g, '\n');
    default:
      return body.replace(/\r\n/g, '\n');
  }
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const hex = text[index] === '=' ? text.slice(index + 1, index + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(text[index]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) in a header value. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, word: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(word, 'base64').toString('utf8')
        : decodeQuotedPrintable(word.replace(/_/g, ' ')),
    );
}
