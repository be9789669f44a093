/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for the sign-in tests, with its
 * development login pages (any login, any password; the login is the user's e-mail address).
 * It is reached through a small proxy that can rewrite the ID token the token endpoint answers,
 * re-signed with the provider's own key: a token for another audience or already expired is then
 * a genuine, well-signed token that the endpoint must refuse on its claims alone.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import Provider from 'oidc-provider';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Rewrites the claims of the next ID tokens (undefined: leave them alone). */
  tamper(change: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined): void;
  stop(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function startOidcProvider(redirectUri: string): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' } as JWK;
  const clientId = 'guichet-desk';
  const clientSecret = 'a-client-secret-for-the-tests-0123456789';

  // The proxy's port is the issuer's: listen first, then build the provider with that issuer.
  const front = createServer();
  const frontPort = await listen(front);
  const issuer = `http://127.0.0.1:${frontPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['cookie-key-for-the-tests'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_context, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: id, email_verified: true, name: `Agent ${id.split('@')[0]}` };
        },
      };
    },
  });
  const back = createServer(provider.callback());
  const backPort = await listen(back);

  let change: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined;
  const resign = async (idToken: string) => {
    if (!change) return idToken;
    const claims = change(decodeJwt(idToken) as Record<string, unknown>);
    return new SignJWT(claims).setProtectedHeader(decodeProtectedHeader(idToken) as { alg: string }).sign(privateKey);
  };

  front.on('request', (incoming, outgoing) => {
    const forwarded = httpRequest(
      { host: '127.0.0.1', port: backPort, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (answer) => {
        const isToken = incoming.method === 'POST' && incoming.url?.startsWith('/token');
        if (!isToken || !change) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          void (async () => {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id_token?: string };
            if (body.id_token) body.id_token = await resign(body.id_token);
            const text = JSON.stringify(body);
            const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) };
            outgoing.writeHead(answer.statusCode ?? 502, headers);
            outgoing.end(text);
          })();
        });
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    tamper(next) {
      change = next;
    },
    async stop() {
      front.closeAllConnections();
      back.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => front.close(resolve)),
        new Promise((resolve) => back.close(resolve)),
      ]);
    },
  };
}
